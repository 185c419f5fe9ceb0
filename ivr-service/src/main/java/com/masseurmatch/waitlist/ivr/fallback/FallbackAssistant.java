package com.masseurmatch.waitlist.ivr.fallback;

import com.masseurmatch.waitlist.ivr.config.OpenAiKeyConfig;
import com.masseurmatch.waitlist.ivr.voice.Twiml;
import com.masseurmatch.waitlist.ivr.voice.VoiceRequest;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.logging.Masking;
import com.masseurmatch.waitlist.model.text.Resources;
import com.masseurmatch.waitlist.model.tool.SaveWaitlistEntryTool;
import com.masseurmatch.waitlist.model.tool.ToolOutcome;
import com.masseurmatch.waitlist.model.waitlist.Source;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The degraded path when the realtime bridge cannot take a call: a speech {@code <Gather>} loop
 * answered by Chat Completions with Knotty's persona and the save tool; without OpenAI, or when it
 * fails mid-call, the {@link ScriptedForm}. A call redirected from the bridge continues with what
 * was collected there.
 */
@Singleton
public class FallbackAssistant {

  static final String TURN = "/api/voice/ai-assistant/turn";
  private static final String HINTS =
      "waitlist, therapist, client, at, dot, gmail, yahoo, hotmail, outlook, icloud, com";

  private final ChatCompletionsClient chat;
  private final ScriptedForm form;
  private final FallbackCalls calls;
  private final SaveWaitlistEntryTool saveTool;
  private final Twiml twiml;
  private final int maxTurns;
  private final String persona;

  FallbackAssistant(
      ChatCompletionsClient chat,
      ScriptedForm form,
      FallbackCalls calls,
      SaveWaitlistEntryTool saveTool,
      Twiml twiml,
      OpenAiKeyConfig config) {
    this.chat = chat;
    this.form = form;
    this.calls = calls;
    this.saveTool = saveTool;
    this.twiml = twiml;
    this.maxTurns = config.chatMaxTurns();
    this.persona = Resources.text("/prompts/knotty-fallback.txt");
  }

  /** {@code /api/voice/ai-assistant}. */
  public String start(VoiceRequest call) {
    if (!chat.configured()) {
      return form.start(
          call,
          "I'm sorry, our virtual concierge isn't available right now, but I can add you to the"
              + " waitlist with a few quick questions.");
    }
    FallbackCalls.Progress progress = calls.load(call.callSid());
    String opening =
        progress.collected().isEmpty()
            ? "Hi, this is Knotty from MasseurMatch. Let's get you on the waitlist. What's your"
                + " full name?"
            : "Hi, this is Knotty again, sorry about that. Let's finish your signup. Is everything"
                + " I have so far right?";
    List<ChatMessage> messages = List.of(new ChatMessage("assistant", opening, null, null));
    calls.save(
        call.callSid(),
        CallPath.FALLBACK,
        progress.collected(),
        new FallbackState(FallbackState.CHAT, null, 0, null, 0, messages));
    return twiml.gatherSpeech(opening, TURN, HINTS);
  }

  /** {@code /api/voice/ai-assistant/turn}: what the caller said. */
  public String turn(VoiceRequest call) {
    FallbackCalls.Progress progress = calls.load(call.callSid());
    FallbackState state = progress.state();
    if (state == null || !FallbackState.CHAT.equals(state.mode())) {
      return start(call);
    }
    String speech = call.get("SpeechResult");
    if (speech == null) {
      FallbackState again = state.retried();
      if (again.retries() > ScriptedForm.MAX_RETRIES) {
        return form.start(call, "Let me try a different way.");
      }
      calls.save(call.callSid(), CallPath.FALLBACK, progress.collected(), again);
      return twiml.gatherSpeech("Sorry, I didn't catch that. Could you say it again?", TURN, HINTS);
    }
    if (state.turns() >= maxTurns) {
      return form.start(call, "Let me ask you a few quick questions instead.");
    }
    List<ChatMessage> messages = new ArrayList<>(state.messages());
    messages.add(ChatMessage.user(speech));
    Log.infof("call %s: caller: %s", call.callSid(), Masking.text(speech));
    UUID saved = null;
    ChatMessage reply;
    try {
      reply = chat.complete(system(call, progress.collected()), messages);
      // a save, then the model's words about it; at most two rounds of tools in one turn
      for (int round = 0; round < 2 && hasToolCalls(reply); round++) {
        messages.add(reply);
        for (ChatMessage.ToolCall toolCall : reply.toolCalls()) {
          ToolOutcome outcome = runTool(call, toolCall);
          if (outcome.waitlistId() != null) {
            saved = outcome.waitlistId();
          }
          messages.add(ChatMessage.tool(toolCall.id(), outcome.output()));
        }
        reply = chat.complete(system(call, progress.collected()), messages);
      }
    } catch (ChatUnavailableException e) {
      Log.warnf("call %s: %s; switching to the scripted form", call.callSid(), e.getMessage());
      if (saved != null) {
        calls.signedUp(call.callSid(), CallPath.FALLBACK, progress.collected(), saved);
        return twiml.sayThenHangUp("You're on the MasseurMatch waitlist. Thank you, goodbye!");
      }
      return form.start(call, "Sorry, let me ask you a few quick questions instead.");
    }
    String text =
        reply.content() == null || reply.content().isBlank()
            ? "Sorry, could you say that again?"
            : reply.content();
    Log.infof("call %s: knotty: %s", call.callSid(), Masking.text(text));
    if (saved != null) {
      calls.signedUp(call.callSid(), CallPath.FALLBACK, progress.collected(), saved);
      return twiml.sayThenHangUp(text);
    }
    messages.add(new ChatMessage("assistant", text, null, null));
    calls.save(
        call.callSid(),
        CallPath.FALLBACK,
        progress.collected(),
        new FallbackState(FallbackState.CHAT, null, 0, null, state.turns() + 1, messages));
    return twiml.gatherSpeech(text, TURN, HINTS);
  }

  private ToolOutcome runTool(VoiceRequest call, ChatMessage.ToolCall toolCall) {
    if (toolCall.function() == null
        || !SaveWaitlistEntryTool.NAME.equals(toolCall.function().name())) {
      return ToolOutcome.of("{\"ok\":false,\"reason\":\"unknown_tool\"}", "unknown_tool");
    }
    return saveTool.save(toolCall.function().arguments(), Source.FALLBACK, call.callSid());
  }

  private static boolean hasToolCalls(ChatMessage reply) {
    return reply.toolCalls() != null && !reply.toolCalls().isEmpty();
  }

  /** The persona, plus what this call already told us. */
  private String system(VoiceRequest call, Map<String, String> collected) {
    StringBuilder system = new StringBuilder(persona);
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
