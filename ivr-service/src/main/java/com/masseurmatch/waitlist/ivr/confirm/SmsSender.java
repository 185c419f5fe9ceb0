package com.masseurmatch.waitlist.ivr.confirm;

import com.masseurmatch.waitlist.ivr.config.IvrConfig;
import com.masseurmatch.waitlist.model.twilio.TwilioConfig;
import com.masseurmatch.waitlist.model.twilio.TwilioRestClients;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Sends SMS through Twilio's Messages API with twilio-java, one attempt per call (no automatic
 * retry: a 5xx may mean the message went out), and finds a message already sent. Blocking.
 */
@Singleton
public class SmsSender {

  /** Where Twilio posts the message's delivery status (signed, like every webhook). */
  static final String STATUS_PATH = "/api/sms/status";

  private final Optional<TwilioRestClient> client;
  private final Optional<PhoneNumber> from;
  private final Optional<String> messagingService;
  private final String statusCallback;

  SmsSender(TwilioConfig twilio, ConfirmConfig config, IvrConfig ivr) {
    this.messagingService = config.messagingServiceSid().filter(s -> !s.isBlank());
    this.from = twilio.phoneNumber().filter(s -> !s.isBlank()).map(PhoneNumber::new);
    boolean account =
        twilio.accountSid().filter(s -> !s.isBlank()).isPresent()
            && twilio.authToken().filter(s -> !s.isBlank()).isPresent();
    this.client =
        account && (messagingService.isPresent() || from.isPresent())
            ? Optional.of(
                TwilioRestClients.createSingleAttempt(
                    twilio.accountSid().get(), twilio.authToken().get(), twilio.apiBaseUrl()))
            : Optional.empty();
    this.statusCallback = IvrConfig.baseUrl(ivr) + STATUS_PATH;
  }

  /** Whether an account and a sender (number or Messaging Service) are configured. */
  public boolean configured() {
    return client.isPresent();
  }

  /** Sends one SMS. */
  public Outcome send(String to, String body) {
    MessageCreator creator =
        messagingService.isPresent()
            ? Message.creator(new PhoneNumber(to), messagingService.get(), body)
            : Message.creator(new PhoneNumber(to), from.orElseThrow(), body);
    try {
      Message message = creator.setStatusCallback(statusCallback).create(client.orElseThrow());
      return new Outcome(Kind.SENT, message.getSid(), null, null);
    } catch (ApiException e) {
      Integer status = e.getStatusCode();
      String code = e.getCode() == null ? null : e.getCode().toString();
      boolean uncertain = status == null || status >= 500 || status == 429;
      return new Outcome(uncertain ? Kind.UNCERTAIN : Kind.REJECTED, null, code, e.getMessage());
    } catch (TwilioException e) {
      return new Outcome(Kind.UNCERTAIN, null, null, e.getMessage());
    }
  }

  /**
   * The SID of a message with this body sent to {@code to} since {@code since}, if Twilio lists
   * one: after an uncertain attempt, this tells whether it went out after all.
   */
  public Optional<String> findSent(String to, String body, Instant since) {
    for (Message message :
        Message.reader()
            .setTo(new PhoneNumber(to))
            .setDateSentAfter(since.minusSeconds(86_400).atZone(ZoneOffset.UTC))
            .setPageSize(50L)
            .firstPage(client.orElseThrow())
            .getRecords()) {
      if (body.equals(message.getBody())
          && (message.getDateCreated() == null
              || !message.getDateCreated().toInstant().isBefore(since.minusSeconds(60)))) {
        return Optional.of(message.getSid());
      }
    }
    return Optional.empty();
  }

  /** How a send ended. */
  public enum Kind {
    /** Twilio accepted it. */
    SENT,
    /** Twilio refused it (4xx): retrying will not help. */
    REJECTED,
    /** No clear answer (5xx, 429, network): it may or may not have gone out. */
    UNCERTAIN
  }

  /** The result of one attempt. */
  public record Outcome(Kind kind, String sid, String errorCode, String error) {}
}
