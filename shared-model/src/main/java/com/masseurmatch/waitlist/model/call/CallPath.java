package com.masseurmatch.waitlist.model.call;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which part of the system handled a call. */
public enum CallPath {
  REALTIME,
  FALLBACK,
  SCRIPTED,
  TRANSFER,
  VOICEMAIL;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static CallPath fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
