package com.masseurmatch.waitlist.model.console;

/** What became of an edit made in the console. */
public enum EditResult {
  UPDATED,
  NOT_FOUND,
  /** Another entry already has the new e-mail. */
  EMAIL_TAKEN
}
