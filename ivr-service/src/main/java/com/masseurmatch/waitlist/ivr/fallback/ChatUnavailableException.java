package com.masseurmatch.waitlist.ivr.fallback;

/** Chat Completions failed, timed out or was rate limited: the form takes over. */
public class ChatUnavailableException extends RuntimeException {

  public ChatUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
