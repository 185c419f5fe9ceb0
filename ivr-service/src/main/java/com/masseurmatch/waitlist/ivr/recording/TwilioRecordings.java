package com.masseurmatch.waitlist.ivr.recording;

import com.masseurmatch.waitlist.ivr.config.IvrConfig;
import com.masseurmatch.waitlist.model.twilio.TwilioConfig;
import com.masseurmatch.waitlist.model.twilio.TwilioRestClients;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.call.Recording;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Twilio's Recordings API through twilio-java: starts recording a live call (both channels, with a
 * signed status callback) and deletes a recording. One attempt per request: starting twice would
 * make two recordings, and a failed deletion is retried by its job. Blocking.
 */
@Singleton
public class TwilioRecordings {

  /** Where Twilio posts the recording's status (signed, like every webhook). */
  public static final String STATUS_PATH = "/api/voice/recording/status";

  private final Optional<TwilioRestClient> client;
  private final String statusCallback;

  TwilioRecordings(TwilioConfig twilio, IvrConfig ivr) {
    boolean account =
        twilio.accountSid().filter(s -> !s.isBlank()).isPresent()
            && twilio.authToken().filter(s -> !s.isBlank()).isPresent();
    this.client =
        account
            ? Optional.of(
                TwilioRestClients.createSingleAttempt(
                    twilio.accountSid().get(), twilio.authToken().get(), twilio.apiBaseUrl()))
            : Optional.empty();
    this.statusCallback = IvrConfig.baseUrl(ivr) + STATUS_PATH;
  }

  /** Whether an account is configured for REST calls. */
  public boolean configured() {
    return client.isPresent();
  }

  /** Starts recording the call; Twilio's SID, status and channel count. */
  public Started start(String callSid) {
    try {
      Recording recording =
          Recording.creator(callSid)
              .setRecordingChannels("dual")
              .setRecordingTrack("both")
              .setRecordingStatusCallback(statusCallback)
              .setRecordingStatusCallbackMethod(HttpMethod.POST)
              .setRecordingStatusCallbackEvent(List.of("in-progress", "completed", "absent"))
              .create(require());
      String status =
          recording.getStatus() == null ? "in-progress" : recording.getStatus().toString();
      Integer channels = recording.getChannels() == null ? 2 : recording.getChannels();
      return new Started(recording.getSid(), status, channels);
    } catch (ApiException e) {
      throw new TwilioRecordingException(describe(e), e);
    } catch (TwilioException e) {
      throw new TwilioRecordingException(
          "Twilio did not answer: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Deletes a recording; true also when Twilio no longer had it (404). */
  public boolean delete(String recordingSid) {
    try {
      return com.twilio.rest.api.v2010.account.Recording.deleter(recordingSid).delete(require());
    } catch (ApiException e) {
      if (Integer.valueOf(404).equals(e.getStatusCode())) {
        return true;
      }
      throw new TwilioRecordingException(describe(e), e);
    } catch (TwilioException e) {
      throw new TwilioRecordingException(
          "Twilio did not answer: " + e.getClass().getSimpleName(), e);
    }
  }

  private TwilioRestClient require() {
    return client.orElseThrow(
        () ->
            new TwilioRecordingException(
                "TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are not set", null));
  }

  private static String describe(ApiException e) {
    return "Twilio answered "
        + e.getStatusCode()
        + (e.getCode() == null ? "" : " (error " + e.getCode() + ")");
  }

  /** A recording Twilio created. */
  public record Started(String sid, String status, Integer channels) {}

  /** Twilio refused, or did not answer; the message holds no personal data. */
  public static final class TwilioRecordingException extends RuntimeException {
    TwilioRecordingException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
