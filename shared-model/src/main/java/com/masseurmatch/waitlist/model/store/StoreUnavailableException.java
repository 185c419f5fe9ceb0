package com.masseurmatch.waitlist.model.store;

/**
 * The store could not be reached or failed on its side (network error, timeout, 5xx). Nothing is
 * wrong with the request: keep the data and try again later.
 */
public class StoreUnavailableException extends StoreException {

  private final boolean retryable;

  public StoreUnavailableException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** Whether an immediate retry is safe and may help (network errors, 502, 503, 504). */
  public boolean isRetryable() {
    return retryable;
  }
}
