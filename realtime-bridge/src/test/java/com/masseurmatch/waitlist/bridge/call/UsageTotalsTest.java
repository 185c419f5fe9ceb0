package com.masseurmatch.waitlist.bridge.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.masseurmatch.waitlist.bridge.openai.RealtimeServerEvent.CachedDetails;
import com.masseurmatch.waitlist.bridge.openai.RealtimeServerEvent.InputDetails;
import com.masseurmatch.waitlist.bridge.openai.RealtimeServerEvent.OutputDetails;
import com.masseurmatch.waitlist.bridge.openai.RealtimeServerEvent.Usage;
import com.masseurmatch.waitlist.model.experiment.ModelPrices;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UsageTotalsTest {

  private static final ModelPrices.Prices GPT_REALTIME = ModelPrices.REALTIME.get("gpt-realtime");

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
