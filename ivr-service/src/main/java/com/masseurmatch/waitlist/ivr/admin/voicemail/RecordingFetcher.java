package com.masseurmatch.waitlist.ivr.admin.voicemail;

import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.NotFoundException;
import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.UnavailableException;
import com.masseurmatch.waitlist.ivr.config.AdminConfig;
import com.masseurmatch.waitlist.model.twilio.TwilioConfig;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Fetches a voicemail's audio from Twilio with the account's credentials, so the operator's browser
 * never sees a Twilio URL or key. The URL is built from the recording SID, never taken from the
 * database. Blocking.
 */
@Singleton
public class RecordingFetcher {

  private static final Pattern RECORDING_SID = Pattern.compile("RE[0-9A-Za-z]{1,64}");
  private static final URI TWILIO = URI.create("https://api.twilio.com");

  private final TwilioConfig twilio;
  private final Duration timeout;
  private final HttpClient http;

  RecordingFetcher(TwilioConfig twilio, AdminConfig admin) {
    this.twilio = twilio;
    this.timeout = admin.console().recordingTimeout();
    this.http =
        HttpClient.newBuilder()
            // HTTP/1.1: no h2c upgrade attempt on plain-http test and proxy endpoints
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** The recording as MP3 bytes. */
  public byte[] mp3(String recordingSid) {
    if (recordingSid == null || !RECORDING_SID.matcher(recordingSid).matches()) {
      throw new NotFoundException("This voicemail has no recording.");
    }
    String account =
        twilio.accountSid().orElseThrow(() -> unavailable("TWILIO_ACCOUNT_SID is not set"));
    String token =
        twilio.authToken().orElseThrow(() -> unavailable("TWILIO_AUTH_TOKEN is not set"));
    String base = twilio.apiBaseUrl().orElse(TWILIO).toString().replaceAll("/+$", "");
    URI uri =
        URI.create(
            base + "/2010-04-01/Accounts/" + account + "/Recordings/" + recordingSid + ".mp3");
    String basic =
        Base64.getEncoder()
            .encodeToString((account + ":" + token).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Authorization", "Basic " + basic)
            .header("Accept", "audio/mpeg")
            .GET()
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw unavailable("Twilio could not be reached: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted");
    }
    if (response.statusCode() == 404) {
      throw new NotFoundException("Twilio no longer has this recording.");
    }
    if (response.statusCode() != 200) {
      throw unavailable("Twilio answered " + response.statusCode());
    }
    return response.body();
  }

  private static UnavailableException unavailable(String why) {
    Log.warnf("console: cannot fetch a recording: %s", why);
    return new UnavailableException("The recording cannot be fetched from Twilio right now.", null);
  }
}
