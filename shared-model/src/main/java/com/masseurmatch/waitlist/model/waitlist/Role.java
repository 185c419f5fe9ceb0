package com.masseurmatch.waitlist.model.waitlist;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who is joining the waitlist: someone who gives massages or someone who books them. */
public enum Role {
  THERAPIST,
  CLIENT;

  /** The lower-case name used in the database, the APIs and the tool schema. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the exact wire name; spoken forms go through {@code RoleParser}. */
  @JsonCreator
  public static Role fromWire(String value) {
    for (Role role : values()) {
      if (role.wireName().equals(value)) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role: " + value);
  }
}
