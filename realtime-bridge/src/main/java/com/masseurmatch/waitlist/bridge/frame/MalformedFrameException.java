package com.masseurmatch.waitlist.bridge.frame;

/** A frame that is not valid JSON, lacks required fields or is too large. */
public class MalformedFrameException extends Exception {

  public MalformedFrameException(String message, Throwable cause) {
    super(message, cause);
  }
}
