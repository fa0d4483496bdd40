package org.rollwell.store;

/**
 * The store could not do what was asked. Subclasses say why in a way a front can answer
 * (not found, conflict, refused input); this class itself is a database that cannot be
 * reached or read, with the database and the reason in its message.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
