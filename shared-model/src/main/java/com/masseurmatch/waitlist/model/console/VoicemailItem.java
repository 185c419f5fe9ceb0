package com.masseurmatch.waitlist.model.console;

import com.masseurmatch.waitlist.model.voicemail.Voicemail;
import java.time.Instant;

/** A voicemail and whether an operator has dealt with it (then when, and who). */
public record VoicemailItem(Voicemail voicemail, Instant handledAt, String handledBy) {

  public boolean handled() {
    return handledAt != null;
  }
}
