package com.masseurmatch.waitlist.ivr.fallback;

import com.masseurmatch.waitlist.ivr.config.OpenAiKeyConfig;
import com.masseurmatch.waitlist.ivr.experiment.RunningExperiments;
import com.masseurmatch.waitlist.ivr.text.VoiceTexts;
import com.masseurmatch.waitlist.ivr.voice.CallPathBudget;
import com.masseurmatch.waitlist.ivr.voice.Twiml;
import com.masseurmatch.waitlist.ivr.voice.VoiceRequest;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.logging.Masking;
import com.masseurmatch.waitlist.model.text.Language;
import com.masseurmatch.waitlist.model.tool.SaveWaitlistEntryTool;
import com.masseurmatch.waitlist.model.tool.ToolOutcome;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The degraded path when the realtime bridge cannot take a call: a speech {@code <Gather>} loop
 * answered by Chat Completions with Knotty's persona and the save tool; without OpenAI, or when it
 * fails mid-call or takes too long, the {@link ScriptedForm}. A call redirected from the bridge
 * continues with what was collected there. The conversation travels in the action URL ({@link
 * FallbackStateCodec}); each Chat Completions request and the save get at most what is left of the
 * webhook's time.
 */
@Singleton
public class FallbackAssistant {

  static final String TURN = "/api/voice/ai-assistant/turn";

  private final ChatCompletionsClient chat;
  private final ScriptedForm form;
  private final FallbackCalls calls;
  private final FallbackStateCodec codec;
  private final SignupSaver saver;
  private final Twiml twiml;
  private final RunningExperiments experiments;
  private final int maxTurns;
  private final VoiceTexts texts;

  FallbackAssistant(
      ChatCompletionsClient chat,
      ScriptedForm form,
      FallbackCalls calls,
      FallbackStateCodec codec,
      SignupSaver saver,
      Twiml twiml,
      RunningExperiments experiments,
      OpenAiKeyConfig config,
      VoiceTexts texts) {
    this.chat = chat;
    this.form = form;
    this.calls = calls;
    this.codec = codec;
    this.saver = saver;
    this.twiml = twiml;
    this.experiments = experiments;
    this.maxTurns = config.chatMaxTurns();
    this.texts = texts;
  }

  /** {@code /api/voice/ai-assistant}: continues with what the bridge collected, if anything. */
  public String start(VoiceRequest call, Language carried, CallPathBudget budget) {
    FallbackCalls.Earlier earlier = calls.earlier(call.callSid(), budget);
    Map<String, String> collected = earlier.collected();
    // the language the webhook carried, else the one the call's row recorded (the bridge's
    // redirect carries none)
    Language language =
        carried != null ? carried : Language.find(earlier.language()).orElse(Language.EN);
    if (!chat.configured()) {
      return form.start(
          call, collected, language, texts.text(language, "fallback.unavailable"), budget);
    }
    String opening =
        texts.text(language, collected.isEmpty() ? "fallback.opening" : "fallback.opening-again");
    // the variant the IVR gave the call: the same, worked out again without the store
    String model =
        experiments
            .assign(call.callSid(), call.from(), language.code())
            .map(a -> a.variant().settings().chatModel())
            .orElse(null);
    FallbackState state =
        FallbackState.chat(
            List.of(new ChatMessage("assistant", opening, null, null)), collected, language, model);
    calls.save(call.callSid(), CallPath.FALLBACK, state);
    return twiml.gatherSpeech(language, opening, codec.action(TURN, state), hints(language));
  }

  private String hints(Language language) {
    return texts.text(language, "fallback.hints");
  }

  /** {@code /api/voice/ai-assistant/turn}: what the caller said, with the state it carried. */
  public String turn(
      VoiceRequest call, FallbackState state, Language carried, CallPathBudget budget) {
    if (state == null || !FallbackState.CHAT.equals(state.mode())) {
      return start(call, state == null ? carried : state.spoken(), budget);
    }
    Map<String, String> collected = state.collected();
    Language language = state.spoken();
    String speech = call.get("SpeechResult");
    if (speech == null) {
      FallbackState again = state.retried();
      if (again.retries() > ScriptedForm.MAX_RETRIES) {
        return form.start(
            call, collected, language, texts.text(language, "fallback.different-way"), budget);
      }
      calls.save(call.callSid(), CallPath.FALLBACK, again);
      return twiml.gatherSpeech(
          language,
          texts.text(language, "fallback.not-heard"),
          codec.action(TURN, again),
          hints(language));
    }
    if (state.turns() >= maxTurns) {
      return form.start(
          call, collected, language, texts.text(language, "fallback.quick-questions"), budget);
    }
    List<ChatMessage> messages = new ArrayList<>(state.messages());
    messages.add(ChatMessage.user(speech));
    Log.infof("call %s: caller: %s", call.callSid(), Masking.text(speech));
    ToolOutcome saved = null;
    ChatMessage reply;
    FallbackState[] used = {state};
    try {
      reply = complete(call, used, messages, budget);
      // a save, then the model's words about it; at most two rounds of tools in one turn
      for (int round = 0; round < 2 && hasToolCalls(reply); round++) {
        messages.add(reply);
        for (ChatMessage.ToolCall toolCall : reply.toolCalls()) {
          ToolOutcome outcome = runTool(call, toolCall, language, budget);
          if (SignupSaver.signedUp(outcome)) {
            saved = outcome;
          }
          messages.add(ChatMessage.tool(toolCall.id(), outcome.output()));
        }
        reply = complete(call, used, messages, budget);
      }
    } catch (ChatUnavailableException | CallPathBudget.BudgetSpentException e) {
      Log.warnf("call %s: %s; switching to the scripted form", call.callSid(), e.getMessage());
      if (saved != null) {
        calls.signedUp(call.callSid(), CallPath.FALLBACK, used[0], saved.waitlistId());
        return twiml.sayThenHangUp(language, texts.text(language, "fallback.signed-up"));
      }
      calls.chatUsed(call.callSid(), used[0]);
      return form.start(
          call,
          collected,
          language,
          texts.text(language, "fallback.sorry-quick-questions"),
          budget);
    }
    String text =
        reply.content() == null || reply.content().isBlank()
            ? texts.text(language, "fallback.say-again")
            : reply.content();
    Log.infof("call %s: assistant: %s", call.callSid(), Masking.text(text));
    if (saved != null) {
      calls.signedUp(call.callSid(), CallPath.FALLBACK, used[0], saved.waitlistId());
      return twiml.sayThenHangUp(language, text);
    }
    messages.add(new ChatMessage("assistant", text, null, null));
    FallbackState next = used[0].nextTurn(messages);
    calls.save(call.callSid(), CallPath.FALLBACK, next);
    return twiml.gatherSpeech(language, text, codec.action(TURN, next), hints(language));
  }

  /** The answer when a turn has run out of time: the scripted form, from the carried state. */
  public String resume(VoiceRequest call, FallbackState state, Language carried) {
    return form.resume(call, state, carried);
  }

  /** One Chat request with the call's model; its tokens are added to {@code state[0]}. */
  private ChatMessage complete(
      VoiceRequest call, FallbackState[] state, List<ChatMessage> messages, CallPathBudget budget) {
    String system = system(call, state[0].collected(), state[0].spoken());
    List<ChatMessage> sent = List.copyOf(messages);
    String model = state[0].chat().model() == null ? chat.model() : state[0].chat().model();
    ChatCompletionsClient.Reply reply =
        budget.within(chat.longest(), () -> chat.complete(model, system, sent));
    state[0] = state[0].used(reply.usage());
    return reply.message();
  }

  private ToolOutcome runTool(
      VoiceRequest call, ChatMessage.ToolCall toolCall, Language language, CallPathBudget budget) {
    if (toolCall.function() == null
        || !SaveWaitlistEntryTool.NAME.equals(toolCall.function().name())) {
      return ToolOutcome.of("{\"ok\":false,\"reason\":\"unknown_tool\"}", "unknown_tool");
    }
    return saver.save(toolCall.function().arguments(), call.callSid(), language, budget);
  }

  private static boolean hasToolCalls(ChatMessage reply) {
    return reply.toolCalls() != null && !reply.toolCalls().isEmpty();
  }

  /** The persona, plus what this call already told us. */
  private String system(VoiceRequest call, Map<String, String> collected, Language language) {
    StringBuilder system = new StringBuilder(texts.fallbackPrompt(language));
    if (call.from() != null) {
      system.append("\nThe caller is calling from ").append(call.from()).append('.');
    }
    if (!collected.isEmpty()) {
      system.append("\nAlready collected earlier in this call (confirm, don't ask again): ");
      collected.forEach(
          (field, value) -> system.append(field).append(" = ").append(value).append("; "));
    }
    return system.toString();
  }
}
