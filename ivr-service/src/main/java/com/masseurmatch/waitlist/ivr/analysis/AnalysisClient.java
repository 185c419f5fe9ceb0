package com.masseurmatch.waitlist.ivr.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.ivr.config.OpenAiKeyConfig;
import com.masseurmatch.waitlist.model.analysis.CallAnalysis;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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
  private final AnalysisApi api;

  AnalysisClient(ObjectMapper json, AnalysisConfig config, OpenAiKeyConfig openAi) {
    this.json = json;
    this.config = config;
    this.key = openAi.apiKey().filter(k -> !k.isBlank());
    String bearer = "Bearer " + key.orElse("");
    this.api =
        QuarkusRestClientBuilder.newBuilder()
            .baseUri(URI.create(openAi.baseUrl().toString().replaceAll("/+$", "")))
            .connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
            .disableDefaultMapper(true)
            .register(
                (ClientRequestFilter)
                    request -> request.getHeaders().putSingle("Authorization", bearer))
            .build(AnalysisApi.class);
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
    String text;
    int status;
    try (Response response = api.complete(json.writeValueAsString(body))) {
      status = response.getStatus();
      text = response.hasEntity() ? response.readEntity(String.class) : "";
    } catch (ProcessingException e) {
      throw new AnalysisUnavailableException(
          "Chat Completions unreachable: " + e.getClass().getSimpleName());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    JsonNode answer = parse(text);
    if (status != 200) {
      JsonNode error = answer.path("error");
      throw new AnalysisUnavailableException(
          "Chat Completions answered "
              + status
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
