package com.masseurmatch.waitlist.model.store;

/**
 * The store refused the request (a 4xx from PostgREST, a constraint in the embedded database).
 * Retrying the same request will not help.
 */
public class StoreRejectedException extends StoreException {

  private final int status;
  private final String code;

  public StoreRejectedException(int status, String code, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
  }

  /** The HTTP status PostgREST answered, or 400 for the embedded database. */
  public int status() {
    return status;
  }

  /** PostgREST's or Postgres' error code ({@code 23505}, {@code PGRST204}, ...), may be null. */
  public String code() {
    return code;
  }
}
