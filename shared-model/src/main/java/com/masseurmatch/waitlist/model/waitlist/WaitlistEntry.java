package com.masseurmatch.waitlist.model.waitlist;

import java.util.Objects;

/**
 * A validated, normalised signup ready to be stored: phone in E.164, e-mail lower-case.
 *
 * <p>Build one through {@code EntryValidator}; the constructor only checks presence.
 */
public record WaitlistEntry(
    String fullName, String phone, String email, Role role, Source source, String callSid) {

  public WaitlistEntry {
    Objects.requireNonNull(fullName, "fullName");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(source, "source");
  }
}
