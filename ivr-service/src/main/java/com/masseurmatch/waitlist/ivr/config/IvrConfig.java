package com.masseurmatch.waitlist.ivr.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * The phone menu and its paths (IVR_* variables; the original deployment's names are mapped in
 * properties).
 */
@ConfigMapping(prefix = "ivr")
public interface IvrConfig {

  /**
   * {@code PUBLIC_BASE_URL}: the https URL Twilio calls; absolute URLs and signatures use it.
   * Required, but checked when the beans start ({@link #baseUrl}) rather than when configuration is
   * read, so that the build's AppCDS run, which stops after static initialisation, needs none.
   */
  Optional<URI> publicBaseUrl();

  /** {@link #publicBaseUrl()} without trailing slashes; fails naming the variable when unset. */
  static String baseUrl(IvrConfig config) {
    return config
        .publicBaseUrl()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "PUBLIC_BASE_URL is not set: it is the public URL Twilio calls"))
        .toString()
        .replaceAll("/+$", "");
  }

  /** Brand spoken in the greeting. */
  @WithDefault("MasseurMatch")
  String brand();

  /** The AI concierge's name. */
  @WithDefault("Knotty")
  String persona();

  /** Twilio {@code <Say>} voice. */
  @WithDefault("Polly.Joanna")
  String voice();

  /** Twilio {@code <Say>} and speech-recognition language. */
  @WithDefault("en-US")
  String language();

  /** Seconds of silence that end a caller's spoken answer in the fallback's speech prompts. */
  @WithDefault("2")
  int speechTimeoutSeconds();

  Menu menu();

  Realtime realtime();

  Transfer transfer();

  Voicemail voicemail();

  Signature signature();

  Webhook webhook();

  /** The main menu. */
  interface Menu {

    /** Times the menu is offered before giving up. */
    @WithDefault("3")
    int attempts();

    /** Seconds to wait for a key or speech. */
    @WithDefault("6")
    int timeoutSeconds();

    /** After the last attempt: {@code hangup} (a polite goodbye) or {@code voicemail}. */
    @WithDefault("hangup")
    String whenExhausted();
  }

  /** Option 1: the realtime bridge. */
  interface Realtime {

    /** {@code REALTIME_WEBSOCKET_URL}: the bridge's public wss:// base URL. */
    Optional<URI> websocketUrl();

    /** {@code REALTIME_HEALTH_URL}: the bridge's readiness URL; derived from the above if unset. */
    Optional<URI> healthUrl();

    /** How long the readiness probe may take. */
    @WithDefault("800ms")
    Duration probeTimeout();

    /** How long a probe result is reused. */
    @WithDefault("5s")
    Duration probeCache();
  }

  /** Option 2: the team. */
  interface Transfer {

    /** {@code TEAM_PHONE_NUMBER}: where option 2 dials. */
    Optional<String> teamNumber();

    /** Seconds to ring the team. */
    @WithDefault("20")
    int ringSeconds();

    /** Time zone of the business hours. */
    @WithDefault("America/Los_Angeles")
    ZoneId timeZone();

    /** Days the team answers. */
    @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
    Set<DayOfWeek> days();

    @WithDefault("09:00")
    LocalTime opens();

    @WithDefault("17:00")
    LocalTime closes();
  }

  /** Option 3: voicemail. */
  interface Voicemail {

    /** Longest message, in seconds. */
    @WithDefault("120")
    int maxLengthSeconds();

    /** Whether Twilio transcribes messages. */
    @WithDefault("true")
    boolean transcribe();
  }

  /** Twilio webhook signatures. */
  interface Signature {

    /** Off only for local experiments; start-up warns loudly when it is. */
    @WithDefault("true")
    boolean validate();
  }

  /** How long a voice webhook may take: Twilio gives up after 15 s (error 11205). */
  interface Webhook {

    /** Every voice webhook answers within this time, whatever the store or OpenAI do. */
    @WithDefault("10s")
    Duration deadline();

    /** The one attempt a webhook gives the store (a read, or saving a signup) before moving on. */
    @WithDefault("3s")
    Duration storeAttempt();
  }
}
