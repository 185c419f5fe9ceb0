package com.masseurmatch.waitlist.model.validation;

import com.masseurmatch.waitlist.model.text.Language;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Validates and normalises all four fields of a signup in one pass. */
public final class EntryValidator {

  /** The optional field naming the signup's language. */
  public static final String LANGUAGE = "language";

  private final PhoneNormalizer phones;

  public EntryValidator(PhoneNormalizer phones) {
    this.phones = phones;
  }

  public PhoneNormalizer phones() {
    return phones;
  }

  public EntryValidation validate(EntryForm form, Source source, String callSid) {
    Normalized<String> name = NameNormalizer.normalize(form.fullName());
    Normalized<String> phone = phones.normalize(form.phone());
    Normalized<String> email = EmailNormalizer.normalize(form.email());
    Normalized<Role> role = RoleParser.parse(form.role());
    List<FieldError> errors = new ArrayList<>();
    List<FieldError> warnings = new ArrayList<>();
    for (Normalized<?> field : List.of(name, phone, email, role)) {
      if (field.error() != null) {
        errors.add(field.error());
      }
      if (field.warning() != null) {
        warnings.add(field.warning());
      }
    }
    boolean blankLanguage = form.language() == null || form.language().isBlank();
    Optional<Language> language = Language.find(form.language());
    if (!blankLanguage && (language.isEmpty() || form.language().strip().length() != 2)) {
      errors.add(
          new FieldError(
              LANGUAGE, "unknown", "The language must be en, es or fr; leave it out for English."));
    }
    Map<String, String> valid = new LinkedHashMap<>();
    if (name.isValid()) {
      valid.put(NameNormalizer.FIELD, name.value());
    }
    if (phone.isValid()) {
      valid.put(PhoneNormalizer.FIELD, phone.value());
    }
    if (email.isValid()) {
      valid.put(EmailNormalizer.FIELD, email.value());
    }
    if (role.isValid()) {
      valid.put(RoleParser.FIELD, role.value().wireName());
    }
    if (!errors.isEmpty()) {
      return new EntryValidation(
          null, List.copyOf(errors), List.copyOf(warnings), Collections.unmodifiableMap(valid));
    }
    WaitlistEntry entry =
        new WaitlistEntry(
            name.value(),
            phone.value(),
            email.value(),
            role.value(),
            source,
            callSid,
            language.orElse(Language.EN).code());
    return new EntryValidation(
        entry, List.of(), List.copyOf(warnings), Collections.unmodifiableMap(valid));
  }
}
