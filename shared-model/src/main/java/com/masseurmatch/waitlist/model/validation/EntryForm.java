package com.masseurmatch.waitlist.model.validation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The four fields of a signup as they arrive: from a web form, the model or a speech turn. */
public record EntryForm(
    @JsonProperty("full_name") String fullName,
    @JsonProperty("phone") String phone,
    @JsonProperty("email") String email,
    @JsonProperty("role") String role) {}
