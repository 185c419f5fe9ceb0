package com.masseurmatch.waitlist.model.waitlist;

import java.time.Instant;
import java.util.UUID;

/** A waitlist entry as the store holds it, with its id and timestamps. */
public record StoredEntry(
    UUID id,
    String fullName,
    String phone,
    String email,
    Role role,
    Source source,
    String callSid,
    Instant createdAt,
    Instant updatedAt,
    String language) {

  public StoredEntry {
    language = language == null ? "en" : language;
  }

  /** An entry stored before languages were recorded: English. */
  public StoredEntry(
      UUID id,
      String fullName,
      String phone,
      String email,
      Role role,
      Source source,
      String callSid,
      Instant createdAt,
      Instant updatedAt) {
    this(id, fullName, phone, email, role, source, callSid, createdAt, updatedAt, null);
  }
}
