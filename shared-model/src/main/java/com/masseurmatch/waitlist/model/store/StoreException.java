package com.masseurmatch.waitlist.model.store;

/** A store operation failed; see the two subclasses for what the caller should do. */
public abstract class StoreException extends RuntimeException {

  protected StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
