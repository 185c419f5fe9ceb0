package com.masseurmatch.waitlist.bridge.variant;

import com.masseurmatch.waitlist.bridge.config.OpenAiConfig;
import com.masseurmatch.waitlist.model.experiment.ModelPrices;
import io.quarkus.logging.Log;
import java.util.OptionalDouble;

/**
 * What a Realtime model's tokens cost: its list price, with {@code OPENAI_PRICES_*} in place for
 * the configured model. A model without a list price is priced as {@code gpt-realtime}.
 */
public final class RealtimePrices {

  private static final ModelPrices.Prices FALLBACK = ModelPrices.REALTIME.get("gpt-realtime");

  private RealtimePrices() {}

  public static ModelPrices.Prices of(String model, OpenAiConfig config) {
    ModelPrices.Prices list = ModelPrices.REALTIME.get(model);
    if (list == null) {
      Log.warnf("no list price for the Realtime model %s: priced as gpt-realtime", model);
      list = FALLBACK;
    }
    if (!model.equals(config.realtimeModel())) {
      return list;
    }
    OpenAiConfig.Prices set = config.prices();
    return new ModelPrices.Prices(
        or(set.audioInput(), list.audioInput()),
        or(set.audioCachedInput(), list.audioCachedInput()),
        or(set.audioOutput(), list.audioOutput()),
        or(set.textInput(), list.textInput()),
        or(set.textCachedInput(), list.textCachedInput()),
        or(set.textOutput(), list.textOutput()));
  }

  private static double or(OptionalDouble set, double list) {
    return set.isPresent() ? set.getAsDouble() : list;
  }
}
