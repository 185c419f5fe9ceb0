package com.masseurmatch.waitlist.ivr.confirm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Confirmations after a signup (CONFIRM_* variables; mapped in application.properties). */
@ConfigMapping(prefix = "confirm")
public interface ConfirmConfig {

  /** {@code CONFIRM_SMS}: send the confirmation SMS. */
  @WithDefault("true")
  boolean sms();

  /** {@code CONFIRM_EMAIL}: send the confirmation e-mail. */
  @WithDefault("true")
  boolean email();

  /** {@code TWILIO_MESSAGING_SERVICE_SID}: send through this Messaging Service, not the number. */
  Optional<String> messagingServiceSid();

  /** {@code CONFIRM_LINK_SECRET}: signs the e-mails' links; derived from ADMIN_TOKEN when unset. */
  Optional<String> linkSecret();

  /** {@code CONFIRM_CONTACT}: how to reach the team, in HELP answers and e-mails. */
  @WithDefault("hello@masseurmatch.com")
  String contact();

  /** {@code CONFIRM_CHANGE_LINK_VALIDITY}: how long a "confirm this change" link works. */
  @WithDefault("7d")
  Duration changeLinkValidity();

  /** {@code CONFIRM_LINK_VALIDITY}: how long the unsubscribe and "not you?" links work. */
  @WithDefault("365d")
  Duration linkValidity();
}
