package com.masseurmatch.waitlist.ivr.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.ivr.config.OpenAiKeyConfig;
import com.masseurmatch.waitlist.model.analysis.CallAnalysis;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks Chat Completions for a call's analysis with structured outputs ({@code response_format}
 * {@code json_schema}, strict), on the IVR's OpenAI key and base URL. The transcript goes to that
 * endpoint only. Blocking; one attempt per call (the job retries).
 */
@Singleton
public class AnalysisClient {

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private final ObjectMapper json;
  private final AnalysisConfig config;
  private final Optional<String> key;
  private final URI endpoint;
  private final HttpClient http;

  AnalysisClient(ObjectMapper json, AnalysisConfig config, OpenAiKeyConfig openAi) {
    this.json = json;
    this.config = config;
    this.key = openAi.apiKey().filter(k -> !k.isBlank());
    this.endpoint =
        URI.create(openAi.baseUrl().toString().replaceAll("/+$", "") + "/chat/completions");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Whether an OpenAI key is configured. */
  public boolean configured() {
    return key.isPresent();
  }

  /** The analysis of one transcript, with the model that made it and its token counts. */
  public Result analyse(String instructions, String transcript) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", config.model());
    body.put(
        "messages",
        List.of(
            Map.of("role", "system", "content", instructions),
            Map.of("role", "user", "content", transcript)));
    body.put("response_format", AnalysisSchema.responseFormat());
    body.put("max_completion_tokens", 600);
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(endpoint)
              .timeout(config.timeout())
              .header("Authorization", "Bearer " + key.orElseThrow())
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
              .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AnalysisUnavailableException(
          "Chat Completions unreachable: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AnalysisUnavailableException("interrupted");
    }
    JsonNode answer = parse(response.body());
    if (response.statusCode() != 200) {
      JsonNode error = answer.path("error");
      throw new AnalysisUnavailableException(
          "Chat Completions answered "
              + response.statusCode()
              + (error.isMissingNode()
                  ? ""
                  : " (" + error.path("type").asText() + " " + error.path("code").asText() + ")"));
    }
    JsonNode choice = answer.path("choices").path(0);
    JsonNode message = choice.path("message");
    if (message.isMissingNode()) {
      throw new AnalysisSchema.MalformedAnalysisException("the answer has no message");
    }
    if (message.hasNonNull("refusal")) {
      throw new AnalysisSchema.MalformedAnalysisException("the model refused");
    }
    if ("length".equals(choice.path("finish_reason").asText())) {
      throw new AnalysisSchema.MalformedAnalysisException("the reply was cut off");
    }
    CallAnalysis analysis = AnalysisSchema.read(json, message.path("content").asText(null));
    JsonNode usage = answer.path("usage");
    long input = usage.path("prompt_tokens").asLong(0);
    long output = usage.path("completion_tokens").asLong(0);
    Map<String, Long> tokens = new LinkedHashMap<>();
    tokens.put("input_tokens", input);
    tokens.put("output_tokens", output);
    tokens.put("total_tokens", usage.path("total_tokens").asLong(input + output));
    BigDecimal cost =
        config
            .inputUsdPerMillion()
            .multiply(BigDecimal.valueOf(input))
            .add(config.outputUsdPerMillion().multiply(BigDecimal.valueOf(output)))
            .divide(MILLION, 6, RoundingMode.HALF_UP);
    String model = answer.path("model").asText(config.model());
    return new Result(analysis, model, tokens, cost);
  }

  private JsonNode parse(String body) {
    try {
      JsonNode node = json.readTree(body == null ? "" : body);
      return node == null ? json.createObjectNode() : node;
    } catch (JsonProcessingException e) {
      throw new AnalysisSchema.MalformedAnalysisException("the answer is not JSON");
    }
  }

  /** An analysis with the model that made it, its token counts and their estimated cost. */
  public record Result(
      CallAnalysis analysis, String model, Map<String, Long> usage, BigDecimal costUsd) {}

  /** No answer, or an error status: worth trying again later. */
  public static final class AnalysisUnavailableException extends RuntimeException {
    AnalysisUnavailableException(String message) {
      super(message);
    }
  }
}
