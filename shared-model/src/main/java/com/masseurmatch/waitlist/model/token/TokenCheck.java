package com.masseurmatch.waitlist.model.token;

/** The verdict on a stream token. */
public enum TokenCheck {
  VALID,
  MISSING,
  MALFORMED,
  EXPIRED,
  BAD_SIGNATURE
}
