package com.masseurmatch.waitlist.model.waitlist;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The channel a waitlist entry arrived through. */
public enum Source {
  PHONE,
  WEB,
  VOICEMAIL,
  FALLBACK;

  /** The lower-case name used in the database and the APIs. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the exact wire name. */
  @JsonCreator
  public static Source fromWire(String value) {
    for (Source source : values()) {
      if (source.wireName().equals(value)) {
        return source;
      }
    }
    throw new IllegalArgumentException("unknown source: " + value);
  }
}
