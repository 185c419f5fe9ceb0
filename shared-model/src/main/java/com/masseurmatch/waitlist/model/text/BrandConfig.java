package com.masseurmatch.waitlist.model.text;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The brand and the assistant's names, one setting read by both services ({@code BRAND_NAME},
 * {@code ASSISTANT_NAME}); every caller-facing text takes them from here.
 */
@ConfigMapping(prefix = "brand")
public interface BrandConfig {

  /** {@code BRAND_NAME}: the service's name, as callers hear it. */
  @WithDefault("MasseurMatch")
  String name();

  /** {@code ASSISTANT_NAME}: the voice concierge's name. */
  @WithDefault("Knotty")
  String assistant();
}
