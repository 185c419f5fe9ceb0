package com.masseurmatch.waitlist.model.validation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The fields of a signup as they arrive: from a web form, the model or a speech turn. {@code
 * language} ({@code en}, {@code es}, {@code fr}) is optional: English when left out.
 */
public record EntryForm(
    @JsonProperty("full_name") String fullName,
    @JsonProperty("phone") String phone,
    @JsonProperty("email") String email,
    @JsonProperty("role") String role,
    @JsonProperty("language") String language) {

  /** A form without a language. */
  public EntryForm(String fullName, String phone, String email, String role) {
    this(fullName, phone, email, role, null);
  }
}
