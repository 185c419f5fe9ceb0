package com.masseurmatch.waitlist.model.store.postgrest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** PostgREST's error body: a SQLSTATE or PGRST code, a message, details and a hint. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostgrestError(String code, String message, String details, String hint) {}
