package com.masseurmatch.waitlist.model.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The fields of a signup as they arrive: from a web form, the model or a speech turn. Each is a
 * JSON string or absent; other JSON types are refused ({@link StrictString}). {@code language}
 * ({@code en}, {@code es}, {@code fr}) is optional: English when left out.
 */
public record EntryForm(
    @JsonProperty("full_name") @JsonDeserialize(using = StrictString.class) String fullName,
    @JsonProperty("phone") @JsonDeserialize(using = StrictString.class) String phone,
    @JsonProperty("email") @JsonDeserialize(using = StrictString.class) String email,
    @JsonProperty("role") @JsonDeserialize(using = StrictString.class) String role,
    @JsonProperty("language") @JsonDeserialize(using = StrictString.class) String language) {

  /** A form without a language. */
  public EntryForm(String fullName, String phone, String email, String role) {
    this(fullName, phone, email, role, null);
  }
}
