package org.rollwell.store;

/**
 * No such row in the caller's account. The same answer whether the row does not exist or belongs
 * to another account, so a caller cannot probe for other households' ids.
 */
public final class NotFoundException extends StoreException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
