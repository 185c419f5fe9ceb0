package com.masseurmatch.waitlist.ivr.fallback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.ivr.config.OpenAiKeyConfig;
import com.masseurmatch.waitlist.model.tool.SaveWaitlistEntryTool;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Calls Chat Completions with the fallback's persona and the {@code save_waitlist_entry} tool. No
 * retries: a caller is waiting, so any failure (429, 5xx, timeout, unreadable answer) is a {@link
 * ChatUnavailableException} and the scripted form takes over. Blocking.
 */
@Singleton
public class ChatCompletionsClient {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private final ChatCompletionsApi api;
  private final ObjectMapper json;
  private final String model;
  private final boolean configured;
  private final Duration longest;

  ChatCompletionsClient(OpenAiKeyConfig config, ObjectMapper json) {
    this.json = json;
    this.model = config.chatModel();
    this.configured = config.apiKey().filter(k -> !k.isBlank()).isPresent();
    this.longest = CONNECT_TIMEOUT.plus(config.chatTimeout());
    String key = config.apiKey().orElse("");
    URI base = URI.create(config.baseUrl().toString().replaceAll("/+$", ""));
    this.api =
        QuarkusRestClientBuilder.newBuilder()
            .baseUri(base)
            .connectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(config.chatTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .disableDefaultMapper(true)
            .register(
                (ClientRequestFilter)
                    request -> request.getHeaders().putSingle("Authorization", "Bearer " + key))
            .build(ChatCompletionsApi.class);
  }

  public boolean configured() {
    return configured;
  }

  /** The longest one request can take: connecting, then waiting for the answer. */
  public Duration longest() {
    return longest;
  }

  /** The configured model, used when a call's experiment variant names none. */
  public String model() {
    return model;
  }

  /** Tokens one request used, as Chat Completions reports them. */
  public record Usage(long promptTokens, long cachedTokens, long completionTokens) {}

  /** The model's message and what the request used. */
  public record Reply(ChatMessage message, Usage usage) {}

  /** The configured model's next message: text to speak, or tool calls to run. */
  public ChatMessage complete(String system, List<ChatMessage> messages) {
    return complete(model, system, messages).message();
  }

  /** {@code model}'s next message, with the tokens the request used. */
  public Reply complete(String model, String system, List<ChatMessage> messages) {
    List<ChatMessage> all = new ArrayList<>();
    all.add(ChatMessage.system(system));
    all.addAll(messages);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", model);
    body.put("messages", all);
    body.put(
        "tools",
        List.of(
            Map.of(
                "type",
                "function",
                "function",
                Map.of(
                    "name",
                    SaveWaitlistEntryTool.NAME,
                    "description",
                    SaveWaitlistEntryTool.DESCRIPTION,
                    "parameters",
                    SaveWaitlistEntryTool.parameters()))));
    body.put("tool_choice", "auto");
    // max_tokens is deprecated and refused by reasoning models
    body.put("max_completion_tokens", 200);
    Response response;
    try {
      response = api.complete(json.writeValueAsString(body));
    } catch (ProcessingException e) {
      throw new ChatUnavailableException("Chat Completions unreachable: " + e.getMessage(), e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    try (response) {
      String text = response.hasEntity() ? response.readEntity(String.class) : "";
      if (response.getStatus() != 200) {
        throw new ChatUnavailableException(
            "Chat Completions answered " + response.getStatus() + errorCode(text), null);
      }
      JsonNode answer = json.readTree(text);
      JsonNode message = answer.path("choices").path(0).path("message");
      if (message.isMissingNode()) {
        throw new ChatUnavailableException("Chat Completions answered without a message", null);
      }
      JsonNode usage = answer.path("usage");
      return new Reply(
          json.treeToValue(message, ChatMessage.class),
          new Usage(
              usage.path("prompt_tokens").asLong(),
              usage.path("prompt_tokens_details").path("cached_tokens").asLong(),
              usage.path("completion_tokens").asLong()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ChatUnavailableException("unreadable Chat Completions answer", e);
    }
  }

  private String errorCode(String body) {
    try {
      JsonNode error = json.readTree(body).path("error");
      return error.isMissingNode()
          ? ""
          : " (" + error.path("type").asText() + " " + error.path("code").asText() + ")";
    } catch (Exception e) {
      return "";
    }
  }
}
