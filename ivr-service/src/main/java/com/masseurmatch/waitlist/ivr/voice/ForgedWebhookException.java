package com.masseurmatch.waitlist.ivr.voice;

/** A webhook without a valid {@code X-Twilio-Signature}: answered 403, nothing runs. */
public class ForgedWebhookException extends RuntimeException {

  public ForgedWebhookException(String message) {
    super(message);
  }
}
