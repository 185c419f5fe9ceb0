package com.masseurmatch.waitlist.ivr.fallback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Where the fallback assistant is in a call, kept on the {@code calls} row between webhooks so any
 * instance, or one restarted in between, continues the conversation.
 *
 * @param mode {@code chat} (OpenAI Chat Completions) or {@code scripted} (the keypad and speech
 *     form)
 * @param step the scripted form's current step
 * @param retries failed tries at the current step
 * @param pending a heard value waiting for the caller's confirmation
 * @param turns chat turns so far
 * @param messages the chat conversation (user, assistant and tool messages)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FallbackState(
    String mode, String step, int retries, String pending, int turns, List<ChatMessage> messages) {

  public static final String CHAT = "chat";
  public static final String SCRIPTED = "scripted";

  public static FallbackState scripted(String step) {
    return new FallbackState(SCRIPTED, step, 0, null, 0, List.of());
  }

  public FallbackState at(String newStep, String newPending) {
    return new FallbackState(mode, newStep, 0, newPending, turns, messages);
  }

  public FallbackState retried() {
    return new FallbackState(mode, step, retries + 1, pending, turns, messages);
  }
}
