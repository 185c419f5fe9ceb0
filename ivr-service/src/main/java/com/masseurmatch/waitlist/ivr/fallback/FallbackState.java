package com.masseurmatch.waitlist.ivr.fallback;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.masseurmatch.waitlist.model.text.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the fallback assistant is in a call. It travels with the call in the next webhook's action
 * URL ({@link FallbackStateCodec}), so no store is read between turns; a copy is written to the
 * {@code calls} row for operators.
 *
 * @param mode {@code chat} (OpenAI Chat Completions) or {@code scripted} (the keypad and speech
 *     form)
 * @param step the scripted form's current step
 * @param retries failed tries at the current step
 * @param pending a heard value waiting for the caller's confirmation
 * @param turns chat turns so far
 * @param messages the chat conversation (user, assistant and tool messages)
 * @param collected the signup fields known so far (from the bridge or from this assistant)
 * @param language the caller's language ({@code en}, {@code es}, {@code fr})
 * @param chat the Chat model this call uses (its experiment variant's) and the tokens used so far
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FallbackState(
    String mode,
    String step,
    int retries,
    String pending,
    int turns,
    List<ChatMessage> messages,
    Map<String, String> collected,
    String language,
    ChatUse chat) {

  public static final String CHAT = "chat";
  public static final String SCRIPTED = "scripted";

  public FallbackState {
    messages = messages == null ? List.of() : List.copyOf(messages);
    collected = collected == null ? Map.of() : Map.copyOf(collected);
    language = Language.of(language).code();
    chat = chat == null ? ChatUse.NONE : chat;
  }

  /** The Chat model for this call (null: the configured one) and the tokens its requests used. */
  public record ChatUse(String model, long promptTokens, long cachedTokens, long completionTokens) {
    public static final ChatUse NONE = new ChatUse(null, 0, 0, 0);

    public ChatUse plus(ChatCompletionsClient.Usage used) {
      return new ChatUse(
          model,
          promptTokens + used.promptTokens(),
          cachedTokens + used.cachedTokens(),
          completionTokens + used.completionTokens());
    }

    public boolean used() {
      return promptTokens + completionTokens > 0;
    }
  }

  public static FallbackState scripted(
      String step, Map<String, String> collected, Language language) {
    return new FallbackState(
        SCRIPTED, step, 0, null, 0, List.of(), collected, language.code(), ChatUse.NONE);
  }

  public static FallbackState chat(
      List<ChatMessage> messages, Map<String, String> collected, Language language) {
    return chat(messages, collected, language, null);
  }

  /** A chat with the given model (null: the configured one). */
  public static FallbackState chat(
      List<ChatMessage> messages, Map<String, String> collected, Language language, String model) {
    return new FallbackState(
        CHAT, null, 0, null, 0, messages, collected, language.code(), new ChatUse(model, 0, 0, 0));
  }

  /** The caller's language. */
  @JsonIgnore
  public Language spoken() {
    return Language.of(language);
  }

  /** The same state with fewer messages (to fit in a URL). */
  public FallbackState withMessages(List<ChatMessage> fewer) {
    return new FallbackState(mode, step, retries, pending, turns, fewer, collected, language, chat);
  }

  /** The same state with one more Chat request's tokens. */
  public FallbackState used(ChatCompletionsClient.Usage usage) {
    return new FallbackState(
        mode, step, retries, pending, turns, messages, collected, language, chat.plus(usage));
  }

  public FallbackState at(String newStep, String newPending) {
    return new FallbackState(
        mode, newStep, 0, newPending, turns, messages, collected, language, chat);
  }

  public FallbackState retried() {
    return new FallbackState(
        mode, step, retries + 1, pending, turns, messages, collected, language, chat);
  }

  /** Back to {@code again} after the caller said a heard value was wrong: one more retry. */
  public FallbackState askAgain(String again) {
    return new FallbackState(
        mode, again, retries + 1, null, turns, messages, collected, language, chat);
  }

  /** The same state with one more field known. */
  public FallbackState with(String field, String value) {
    Map<String, String> more = new LinkedHashMap<>(collected);
    more.put(field, value);
    return new FallbackState(mode, step, retries, pending, turns, messages, more, language, chat);
  }

  /** The next chat turn: the conversation so far. */
  public FallbackState nextTurn(List<ChatMessage> conversation) {
    return new FallbackState(
        mode, step, 0, pending, turns + 1, conversation, collected, language, chat);
  }
}
