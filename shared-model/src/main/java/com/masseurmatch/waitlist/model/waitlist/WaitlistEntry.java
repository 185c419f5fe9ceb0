package com.masseurmatch.waitlist.model.waitlist;

import com.masseurmatch.waitlist.model.text.Language;
import java.util.Objects;

/**
 * A validated, normalised signup ready to be stored: phone in E.164, e-mail lower-case, and the
 * language the signup was made in ({@code en}, {@code es}, {@code fr}).
 *
 * <p>Build one through {@code EntryValidator}; the constructor only checks presence.
 */
public record WaitlistEntry(
    String fullName,
    String phone,
    String email,
    Role role,
    Source source,
    String callSid,
    String language) {

  public WaitlistEntry {
    Objects.requireNonNull(fullName, "fullName");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(source, "source");
    language = Language.of(language).code();
  }

  /** An entry in English. */
  public WaitlistEntry(
      String fullName, String phone, String email, Role role, Source source, String callSid) {
    this(fullName, phone, email, role, source, callSid, Language.EN.code());
  }

  /** The same entry in another language ({@code en}, {@code es}, {@code fr}). */
  public WaitlistEntry withLanguage(String code) {
    return new WaitlistEntry(fullName, phone, email, role, source, callSid, code);
  }
}
