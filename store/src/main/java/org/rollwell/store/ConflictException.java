package org.rollwell.store;

/** The write would break a rule the stored data keeps: a name already taken, a session no longer running. */
public final class ConflictException extends StoreException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
