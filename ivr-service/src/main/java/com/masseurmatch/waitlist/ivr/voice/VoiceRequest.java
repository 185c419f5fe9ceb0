package com.masseurmatch.waitlist.ivr.voice;

import jakarta.ws.rs.core.MultivaluedMap;

/** A verified Twilio voice webhook: the standard parameters and the verb-specific ones. */
public record VoiceRequest(MultivaluedMap<String, String> params) {

  public String get(String name) {
    String value = params.getFirst(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  public String callSid() {
    return get("CallSid");
  }

  public String from() {
    return get("From");
  }
}
