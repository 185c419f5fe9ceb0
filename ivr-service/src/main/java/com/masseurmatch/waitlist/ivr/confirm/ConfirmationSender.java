package com.masseurmatch.waitlist.ivr.confirm;

import com.fasterxml.jackson.databind.JsonNode;
import com.masseurmatch.waitlist.model.confirm.Channel;
import com.masseurmatch.waitlist.model.confirm.ConfirmationStore;
import com.masseurmatch.waitlist.model.confirm.MessageRecord;
import com.masseurmatch.waitlist.model.confirm.PendingChange;
import com.masseurmatch.waitlist.model.logging.Masking;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs one confirmation job: records the message, checks that it still applies and that the
 * destination has not opted out, and sends it once. An attempt that may have sent an SMS without an
 * answer (5xx, time-out, a stopped process) is followed by a look at Twilio's list of recent
 * messages to that number before sending again. Blocking.
 */
@Singleton
public class ConfirmationSender {

  /** Twilio's error for a recipient who replied STOP. */
  static final String TWILIO_UNSUBSCRIBED = "21610";

  static final String SIGNUP = "signup";
  static final String CHANGE = "change";

  private final ConfirmationStore store;
  private final ConfirmConfig config;
  private final SmsSender sms;
  private final EmailSender email;
  private final ConfirmationMessages messages;

  ConfirmationSender(
      ConfirmationStore store,
      ConfirmConfig config,
      SmsSender sms,
      EmailSender email,
      ConfirmationMessages messages) {
    this.store = store;
    this.config = config;
    this.sms = sms;
    this.email = email;
    this.messages = messages;
  }

  /**
   * Sends the message a job describes ({@code purpose}, {@code waitlist_id}, {@code destination},
   * and for a change {@code change_id} and {@code version}); throws {@link RetryLaterException}
   * when it should run again later (on the last attempt, the message is recorded failed first).
   */
  public void run(Channel channel, String dedupeKey, JsonNode payload, boolean lastAttempt) {
    String purpose = payload.path("purpose").asText(SIGNUP);
    UUID entryId = UUID.fromString(payload.path("waitlist_id").asText());
    String destination = payload.path("destination").asText();
    MessageRecord message = store.beginAttempt(dedupeKey, entryId, channel, purpose, destination);
    if (!message.open()) {
      return;
    }
    Optional<String> skip = skipReason(channel, purpose, entryId, destination, payload);
    if (skip.isPresent()) {
      finish(message, MessageRecord.SKIPPED, null, null, skip.get());
      return;
    }
    StoredEntry entry = store.entry(entryId).orElseThrow();
    Optional<PendingChange> change =
        CHANGE.equals(purpose)
            ? store.pendingChange(UUID.fromString(payload.path("change_id").asText()))
            : Optional.empty();
    try {
      if (channel == Channel.SMS) {
        sendSms(message, entry, change);
      } else {
        sendEmail(message, entry, change);
      }
    } catch (RetryLaterException e) {
      if (lastAttempt) {
        finish(message, MessageRecord.FAILED, null, null, "gave up: " + e.getMessage());
      }
      throw e;
    }
  }

  private Optional<String> skipReason(
      Channel channel, String purpose, UUID entryId, String destination, JsonNode payload) {
    if (channel == Channel.SMS ? !config.sms() : !config.email()) {
      return Optional.of((channel == Channel.SMS ? "CONFIRM_SMS" : "CONFIRM_EMAIL") + " is off");
    }
    Optional<StoredEntry> entry = store.entry(entryId);
    if (entry.isEmpty()) {
      return Optional.of("the entry was removed");
    }
    String current = channel == Channel.SMS ? entry.get().phone() : entry.get().email();
    if (!current.equals(destination)) {
      return Optional.of("the entry's " + channel.wireName() + " destination changed");
    }
    if (CHANGE.equals(purpose)) {
      Optional<PendingChange> change =
          store.pendingChange(UUID.fromString(payload.path("change_id").asText()));
      if (change.isEmpty() || !change.get().version().equals(payload.path("version").asText())) {
        return Optional.of("the change is no longer pending");
      }
    }
    return Optional.empty();
  }

  private void sendSms(MessageRecord message, StoredEntry entry, Optional<PendingChange> change) {
    String to = message.destination();
    if (store.smsOptedOut(to)) {
      finish(message, MessageRecord.OPTED_OUT, null, null, "the number replied STOP");
      return;
    }
    if (!sms.configured()) {
      finish(message, MessageRecord.NOT_CONFIGURED, null, null, "Twilio is not configured");
      return;
    }
    String body = messages.sms(entry, change);
    if (message.attempts() > 1) {
      // an earlier attempt got no clear answer: it may have gone out
      Optional<String> sent = sms.findSent(to, body, message.createdAt());
      if (sent.isPresent()) {
        finish(message, MessageRecord.SENT, sent.get(), null, null);
        return;
      }
    }
    SmsSender.Outcome outcome = sms.send(to, body);
    switch (outcome.kind()) {
      case SENT -> finish(message, MessageRecord.SENT, outcome.sid(), null, null);
      case REJECTED -> {
        if (TWILIO_UNSUBSCRIBED.equals(outcome.errorCode())) {
          store.setSmsOptOut(to, true, "twilio-21610");
          finish(message, MessageRecord.OPTED_OUT, null, outcome.errorCode(), outcome.error());
        } else {
          finish(message, MessageRecord.FAILED, null, outcome.errorCode(), outcome.error());
        }
      }
      case UNCERTAIN -> {
        finish(message, MessageRecord.RETRYING, null, outcome.errorCode(), outcome.error());
        throw new RetryLaterException(
            "SMS send got no clear answer: " + Masking.text(outcome.error()));
      }
    }
  }

  private void sendEmail(MessageRecord message, StoredEntry entry, Optional<PendingChange> change) {
    String to = message.destination();
    if (store.emailOptedOut(to)) {
      finish(message, MessageRecord.OPTED_OUT, null, null, "the address unsubscribed");
      return;
    }
    if (!email.configured()) {
      finish(message, MessageRecord.NOT_CONFIGURED, null, null, "SMTP is not configured");
      return;
    }
    ConfirmationMessages.Email mail = messages.email(entry, change);
    try {
      email.send(to, mail.subject(), mail.html(), mail.text(), mail.unsubscribe());
    } catch (RuntimeException e) {
      finish(message, MessageRecord.RETRYING, null, null, e.getMessage());
      throw new RetryLaterException("SMTP send failed: " + Masking.text(e.getMessage()), e);
    }
    finish(message, MessageRecord.SENT, null, null, null);
  }

  private void finish(
      MessageRecord message, String status, String providerId, String errorCode, String error) {
    store.finish(message.id(), status, providerId, errorCode, error);
    String to =
        message.channel() == Channel.SMS
            ? Masking.phone(message.destination())
            : Masking.email(message.destination());
    Log.infof(
        "confirmation %s %s to %s for entry %s: %s%s",
        message.purpose(),
        message.channel().wireName(),
        to,
        message.waitlistId(),
        status,
        errorCode == null ? "" : " (" + errorCode + ")");
  }

  /** The message should be attempted again later (the job's backoff decides when). */
  public static final class RetryLaterException extends RuntimeException {

    RetryLaterException(String message) {
      super(message);
    }

    RetryLaterException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
