package com.masseurmatch.waitlist.model.waitlist;

import java.util.Locale;
import java.util.UUID;

/** What a public channel's signup did to the list (see {@link WaitlistStore#submit}). */
public record SubmitResult(UUID entryId, Outcome outcome) {

  /** The four outcomes of a public signup. */
  public enum Outcome {
    /** A new e-mail: the entry was added. */
    CREATED,
    /** The same details as the entry already holds: nothing changed. */
    UNCHANGED,
    /** A phone signup from the entry's own number: the entry was updated. */
    UPDATED,
    /** Other details for a known e-mail: they wait for the owner's confirmation. */
    PENDING;

    /** The lower-case name the tool output and logs use. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case name. */
    public static Outcome fromWire(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }
  }
}
