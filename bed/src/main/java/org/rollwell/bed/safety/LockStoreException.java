package org.rollwell.bed.safety;

/** The lock store cannot be read or written; the message names the store (a file, a database) and the reason. */
public final class LockStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LockStoreException(String message) {
        super(message);
    }

    public LockStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
