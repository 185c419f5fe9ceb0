package com.masseurmatch.waitlist.bridge.call;

import com.masseurmatch.waitlist.bridge.openai.RealtimeServerEvent.Usage;
import com.masseurmatch.waitlist.model.experiment.ModelPrices;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Token usage summed over a call's responses, and its estimated cost. */
public final class UsageTotals {

  private long inputText;
  private long inputAudio;
  private long cachedText;
  private long cachedAudio;
  private long outputText;
  private long outputAudio;
  private long responses;

  public void add(Usage usage) {
    if (usage == null) {
      return;
    }
    responses++;
    if (usage.inputTokenDetails() != null) {
      inputText += usage.inputTokenDetails().textTokens();
      inputAudio += usage.inputTokenDetails().audioTokens();
      if (usage.inputTokenDetails().cachedTokensDetails() != null) {
        cachedText += usage.inputTokenDetails().cachedTokensDetails().textTokens();
        cachedAudio += usage.inputTokenDetails().cachedTokensDetails().audioTokens();
      }
    }
    if (usage.outputTokenDetails() != null) {
      outputText += usage.outputTokenDetails().textTokens();
      outputAudio += usage.outputTokenDetails().audioTokens();
    }
  }

  public Map<String, Long> toMap() {
    Map<String, Long> map = new LinkedHashMap<>();
    map.put("responses", responses);
    map.put("input_text_tokens", inputText);
    map.put("input_audio_tokens", inputAudio);
    map.put("cached_text_tokens", cachedText);
    map.put("cached_audio_tokens", cachedAudio);
    map.put("output_text_tokens", outputText);
    map.put("output_audio_tokens", outputAudio);
    return map;
  }

  /** Cached tokens are part of the input and billed at the cached price. */
  public BigDecimal cost(ModelPrices.Prices prices) {
    double micro =
        (inputAudio - cachedAudio) * prices.audioInput()
            + cachedAudio * prices.audioCachedInput()
            + (inputText - cachedText) * prices.textInput()
            + cachedText * prices.textCachedInput()
            + outputAudio * prices.audioOutput()
            + outputText * prices.textOutput();
    return ModelPrices.Prices.usd(micro);
  }
}
