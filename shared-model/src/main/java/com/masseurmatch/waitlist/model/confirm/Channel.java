package com.masseurmatch.waitlist.model.confirm;

import java.util.Locale;

/** How a confirmation reaches a person on the list. */
public enum Channel {
  SMS,
  EMAIL;

  /** The lower-case name stored in {@code messages.channel}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the lower-case name. */
  public static Channel fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
