package com.masseurmatch.waitlist.bridge.twilio;

import com.masseurmatch.waitlist.bridge.config.BridgeConfig;
import com.masseurmatch.waitlist.bridge.metrics.BridgeMetrics;
import com.masseurmatch.waitlist.model.stream.StreamContract;
import com.masseurmatch.waitlist.model.twilio.TwilioConfig;
import com.masseurmatch.waitlist.model.twilio.TwilioRestClients;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;

/**
 * Controls live calls through Twilio's REST API: hang up, or send the call to the IVR's fallback.
 * Server errors (by twilio-java) and connection failures (here) are retried, three tries each, and
 * a final failure is logged with the call SID and counted. Blocking: run off the event loop.
 */
@ApplicationScoped
@Startup
public class TwilioCallControl {

  private final Optional<TwilioRestClient> client;
  private final Optional<URI> ivrBase;
  private final BridgeMetrics metrics;

  /**
   * Tries per request; plain loop rather than a fault-tolerance guard: it must work during
   * shutdown.
   */
  private static final int ATTEMPTS = 3;

  TwilioCallControl(TwilioConfig config, BridgeConfig bridge, BridgeMetrics metrics) {
    this.client =
        config.accountSid().isPresent() && config.authToken().isPresent()
            ? Optional.of(
                TwilioRestClients.create(
                    config.accountSid().get(), config.authToken().get(), config.apiBaseUrl()))
            : Optional.empty();
    this.ivrBase = bridge.ivrBaseUrl();
    this.metrics = metrics;
    // twilio-java registers a JVM shutdown hook when it first loads: that must not happen during
    // a drain, when the JVM refuses new hooks
    try {
      Class.forName("com.twilio.Twilio", true, TwilioCallControl.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("twilio-java is missing", e);
    }
  }

  /** Ends the call; false when it could not. A call Twilio no longer knows counts as ended. */
  public boolean hangUp(String callSid) {
    return update(
        callSid, "hang-up", () -> Call.updater(callSid).setStatus(Call.UpdateStatus.COMPLETED));
  }

  /** Sends the live call to the IVR's fallback assistant; false when it could not. */
  public boolean redirectToFallback(String callSid) {
    if (ivrBase.isEmpty()) {
      Log.warnf("call %s: IVR_BASE_URL is not set; cannot redirect the call", callSid);
      return false;
    }
    URI target =
        URI.create(ivrBase.get().toString().replaceAll("/+$", "") + StreamContract.FALLBACK_PATH);
    return update(
        callSid, "redirect", () -> Call.updater(callSid).setUrl(target).setMethod(HttpMethod.POST));
  }

  private boolean update(
      String callSid,
      String what,
      java.util.function.Supplier<com.twilio.rest.api.v2010.account.CallUpdater> request) {
    if (client.isEmpty()) {
      Log.warnf("call %s: TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN not set; cannot %s", callSid, what);
      return false;
    }
    try {
      updateWithRetries(request);
      return true;
    } catch (ApiException e) {
      if (e.getStatusCode() != null && e.getStatusCode() == 404) {
        return true;
      }
      metrics.twilioRestFailure(what);
      Log.errorf("call %s: Twilio refused the %s: %s", callSid, what, e.getMessage());
      return false;
    } catch (RuntimeException | LinkageError e) {
      metrics.twilioRestFailure(what);
      Log.errorf("call %s: Twilio %s failed: %s", callSid, what, e.toString());
      return false;
    }
  }

  private void updateWithRetries(
      java.util.function.Supplier<com.twilio.rest.api.v2010.account.CallUpdater> request) {
    long delay = 200;
    for (int attempt = 1; ; attempt++) {
      try {
        request.get().update(client.get());
        return;
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !transientFailure(e)) {
          throw e;
        }
        try {
          Thread.sleep(delay);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        delay *= 2;
      }
    }
  }

  /**
   * Only connection failures: twilio-java already repeats a 5xx answer (three tries, 100 ms apart),
   * so retrying those here too would multiply the requests.
   */
  private static boolean transientFailure(Throwable e) {
    return e instanceof com.twilio.exception.ApiConnectionException;
  }
}
