package com.masseurmatch.waitlist.ivr.fallback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One Chat Completions message, in the API's own shape. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatMessage(
    String role,
    String content,
    @JsonProperty("tool_calls") List<ToolCall> toolCalls,
    @JsonProperty("tool_call_id") String toolCallId) {

  public static ChatMessage system(String text) {
    return new ChatMessage("system", text, null, null);
  }

  public static ChatMessage user(String text) {
    return new ChatMessage("user", text, null, null);
  }

  public static ChatMessage tool(String callId, String output) {
    return new ChatMessage("tool", output, null, callId);
  }

  /** A function call the model asked for. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ToolCall(String id, String type, Function function) {}

  /** The function's name and its JSON arguments, as text. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Function(String name, String arguments) {}
}
