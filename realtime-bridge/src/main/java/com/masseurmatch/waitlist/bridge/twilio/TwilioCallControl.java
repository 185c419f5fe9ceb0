package com.masseurmatch.waitlist.bridge.twilio;

import com.masseurmatch.waitlist.model.twilio.TwilioConfig;
import com.masseurmatch.waitlist.model.twilio.TwilioRestClients;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Controls live calls through Twilio's REST API. Blocking: run off the event loop. */
@ApplicationScoped
public class TwilioCallControl {

  private final Optional<TwilioRestClient> client;

  TwilioCallControl(TwilioConfig config) {
    this.client =
        config.accountSid().isPresent() && config.authToken().isPresent()
            ? Optional.of(
                TwilioRestClients.create(
                    config.accountSid().get(), config.authToken().get(), config.apiBaseUrl()))
            : Optional.empty();
  }

  /**
   * Ends the call. Returns false when it could not (no credentials, or Twilio refused); a call
   * Twilio no longer knows (404) counts as ended.
   */
  public boolean hangUp(String callSid) {
    if (client.isEmpty()) {
      Log.warnf("call %s: TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN not set; cannot hang up", callSid);
      return false;
    }
    try {
      Call.updater(callSid).setStatus(Call.UpdateStatus.COMPLETED).update(client.get());
      return true;
    } catch (ApiException e) {
      if (e.getStatusCode() != null && e.getStatusCode() == 404) {
        return true;
      }
      Log.errorf("call %s: Twilio refused the hang-up: %s", callSid, e.getMessage());
      return false;
    } catch (RuntimeException e) {
      Log.errorf("call %s: Twilio hang-up failed: %s", callSid, e.toString());
      return false;
    }
  }
}
