package com.masseurmatch.waitlist.model.experiment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * OpenAI's list prices in USD per million tokens, per model, for the calls' cost estimates: the
 * Realtime models by audio and text tokens, the Chat models behind the fallback assistant by text
 * tokens. A model priced here is one an experiment may choose.
 */
public final class ModelPrices {

  /** Prices of one model, USD per million tokens. */
  public record Prices(
      double audioInput,
      double audioCachedInput,
      double audioOutput,
      double textInput,
      double textCachedInput,
      double textOutput) {

    static Prices text(double input, double cachedInput, double output) {
      return new Prices(0, 0, 0, input, cachedInput, output);
    }

    /** Chat Completions usage: prompt tokens (some cached) and completion tokens. */
    public BigDecimal chat(long promptTokens, long cachedTokens, long completionTokens) {
      double micro =
          (promptTokens - cachedTokens) * textInput
              + cachedTokens * textCachedInput
              + completionTokens * textOutput;
      return usd(micro);
    }

    /** Millionths of a dollar to dollars, six places. */
    public static BigDecimal usd(double micro) {
      return BigDecimal.valueOf(micro)
          .divide(BigDecimal.valueOf(1_000_000), 6, RoundingMode.HALF_UP);
    }
  }

  private static final Prices GPT_REALTIME = new Prices(32, 0.40, 64, 4, 0.40, 16);
  private static final Prices GPT_REALTIME_MINI = new Prices(10, 0.30, 20, 0.60, 0.06, 2.40);

  /** The GA Realtime models. */
  public static final Map<String, Prices> REALTIME =
      Map.of(
          "gpt-realtime", GPT_REALTIME,
          "gpt-realtime-2025-08-28", GPT_REALTIME,
          "gpt-realtime-mini", GPT_REALTIME_MINI,
          "gpt-realtime-mini-2025-10-06", GPT_REALTIME_MINI);

  /** Chat Completions models for the fallback assistant. */
  public static final Map<String, Prices> CHAT =
      Map.of(
          "gpt-4o-mini", Prices.text(0.15, 0.075, 0.60),
          "gpt-4o", Prices.text(2.50, 1.25, 10),
          "gpt-4.1", Prices.text(2.00, 0.50, 8.00),
          "gpt-4.1-mini", Prices.text(0.40, 0.10, 1.60),
          "gpt-4.1-nano", Prices.text(0.10, 0.025, 0.40),
          "gpt-5-mini", Prices.text(0.25, 0.025, 2.00),
          "gpt-5-nano", Prices.text(0.05, 0.005, 0.40));

  private ModelPrices() {}
}
