package com.masseurmatch.waitlist.model.waitlist;

/** The outcome of an upsert: the stored row and whether it was new or an update of an e-mail. */
public record SaveResult(StoredEntry entry, boolean created) {

  /** {@code created} or {@code updated}, as the APIs and the tool report it. */
  public String status() {
    return created ? "created" : "updated";
  }
}
