package com.masseurmatch.waitlist.bridge.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.masseurmatch.waitlist.bridge.config.OpenAiConfig;
import com.masseurmatch.waitlist.bridge.openai.RealtimeServerEvent.CachedDetails;
import com.masseurmatch.waitlist.bridge.openai.RealtimeServerEvent.InputDetails;
import com.masseurmatch.waitlist.bridge.openai.RealtimeServerEvent.OutputDetails;
import com.masseurmatch.waitlist.bridge.openai.RealtimeServerEvent.Usage;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UsageTotalsTest {

  private static final OpenAiConfig.Prices GPT_REALTIME =
      new OpenAiConfig.Prices() {
        public double audioInput() {
          return 32;
        }

        public double audioCachedInput() {
          return 0.40;
        }

        public double audioOutput() {
          return 64;
        }

        public double textInput() {
          return 4;
        }

        public double textCachedInput() {
          return 0.40;
        }

        public double textOutput() {
          return 16;
        }
      };

  @Test
  void sumsResponsesAndPricesCachedTokensApart() {
    UsageTotals totals = new UsageTotals();
    totals.add(
        new Usage(
            0,
            0,
            0,
            new InputDetails(1000, 600, 500, new CachedDetails(400, 100)),
            new OutputDetails(20, 1200)));
    totals.add(new Usage(0, 0, 0, new InputDetails(0, 400, 0, null), new OutputDetails(0, 0)));
    totals.add(null);

    assertEquals(2L, totals.toMap().get("responses"));
    assertEquals(1000L, totals.toMap().get("input_audio_tokens"));
    // audio in: 900 x 32 + 100 x 0.40; text in: 600 x 4 + 400 x 0.40; out: 1200 x 64 + 20 x 16
    double expected = (900 * 32 + 100 * 0.40 + 600 * 4 + 400 * 0.40 + 1200 * 64 + 20 * 16) / 1e6;
    assertEquals(new BigDecimal(String.format("%.6f", expected)), totals.cost(GPT_REALTIME));
  }
}
