package com.masseurmatch.waitlist.ivr.confirm;

import com.masseurmatch.waitlist.ivr.config.IvrConfig;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** The signed links in confirmation e-mails, and their actions. */
@Singleton
public class Links {

  /** Unsubscribes the entry's address from e-mail (RFC 8058 one-click). */
  public static final String UNSUBSCRIBE = "unsubscribe";

  /** Removes the entry whose address reached the wrong person. */
  public static final String NOT_YOU = "not-you";

  /** Applies a pending change. */
  public static final String CONFIRM_CHANGE = "confirm-change";

  private final LinkSigner signer;
  private final String base;
  private final Clock clock;
  private final ConfirmConfig config;

  Links(LinkSigner signer, IvrConfig ivr, ConfirmConfig config, Clock clock) {
    this.signer = signer;
    this.base = IvrConfig.baseUrl(ivr);
    this.clock = clock;
    this.config = config;
  }

  public String unsubscribe(UUID entryId) {
    return link(UNSUBSCRIBE, entryId.toString(), null, config.linkValidity());
  }

  public String notYou(UUID entryId) {
    return link(NOT_YOU, entryId.toString(), null, config.linkValidity());
  }

  public String confirmChange(UUID changeId, String version) {
    return link(CONFIRM_CHANGE, changeId.toString(), version, config.changeLinkValidity());
  }

  /** Whether a link's parameters carry a valid, unexpired signature. */
  public boolean valid(String action, String id, String version, long expires, String signature) {
    return id != null && signer.valid(action, subject(id, version), expires, signature);
  }

  private String link(String action, String id, String version, Duration validity) {
    long expires = clock.instant().plus(validity).getEpochSecond();
    String signature = signer.sign(action, subject(id, version), expires);
    return base
        + "/email/"
        + action
        + "?id="
        + id
        + (version == null ? "" : "&v=" + version)
        + "&exp="
        + expires
        + "&sig="
        + signature;
  }

  private static String subject(String id, String version) {
    return version == null ? id : id + ":" + version;
  }
}
