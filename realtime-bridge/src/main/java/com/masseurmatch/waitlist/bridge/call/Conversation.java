package com.masseurmatch.waitlist.bridge.call;

import com.masseurmatch.waitlist.bridge.openai.OpenAiLink;
import com.masseurmatch.waitlist.bridge.openai.RealtimeServerEvent;
import com.masseurmatch.waitlist.bridge.openai.RealtimeSessionFactory;
import com.masseurmatch.waitlist.model.text.Language;
import com.masseurmatch.waitlist.model.tool.ToolOutcome;
import io.quarkus.logging.Log;
import io.vertx.core.Context;

/**
 * One call's conversation with the model: the session's set-up, whose turn it is, the tools Knotty
 * calls, barge-in, and the prompts the call's time limits ask for. Confined to the call's event
 * loop: tool results come back to it through the call's context.
 */
final class Conversation {

  static final String END_CALL_MARK = "end-call";

  private final CallServices services;
  private final String callSid;
  private final Context context;
  private final OpenAiLink link;
  private final TwilioPlayback playback;
  private final CallLedger ledger;
  private final CallEnding ending;
  private final ConversationTurns turns = new ConversationTurns();
  private final CallTimeLimits limits;
  private final Language language;

  Conversation(
      CallServices services,
      String callSid,
      Context context,
      OpenAiLink link,
      TwilioPlayback playback,
      CallLedger ledger,
      CallEnding ending,
      long startedNanos,
      Language language) {
    this.services = services;
    this.callSid = callSid;
    this.context = context;
    this.link = link;
    this.playback = playback;
    this.ledger = ledger;
    this.ending = ending;
    this.language = language;
    this.limits =
        new CallTimeLimits(
            startedNanos,
            services.config.calls().maxCallLength(),
            services.config.calls().maxCallWarning(),
            services.config.calls().silenceTimeout(),
            services.config.calls().silencePrompts());
  }

  /**
   * The session exists: Knotty's settings in the caller's language and the call's variant (the
   * session starts once OpenAI confirms them), and the caller's number.
   */
  void configure(String caller, String sessionUpdate) {
    link.configure(sessionUpdate);
    if (caller != null && !caller.isBlank()) {
      link.send(
          services.realtimeCodec.systemMessage(
              "The caller is calling from " + caller + ". Offer this number instead of asking."));
    }
  }

  /** Knotty speaks first. */
  void greet() {
    link.send(services.realtimeCodec.responseCreate());
  }

  /** Every OpenAI event except audio. */
  void onEvent(RealtimeServerEvent event) {
    if (event instanceof RealtimeServerEvent.AudioDone) {
      playback.audioDone();
    } else if (event instanceof RealtimeServerEvent.ResponseCreated) {
      turns.responseStarted();
    } else if (event instanceof RealtimeServerEvent.SpeechStarted) {
      onCallerSpeech();
    } else if (event instanceof RealtimeServerEvent.SpeechStopped) {
      limits.activity(System.nanoTime());
    } else if (event instanceof RealtimeServerEvent.OutputItemDone done
        && done.item() != null
        && done.item().isFunctionCall()) {
      onFunctionCall(done.item());
    } else if (event instanceof RealtimeServerEvent.ResponseDone done) {
      onResponseDone(done);
    } else if (event instanceof RealtimeServerEvent.InputTranscriptionCompleted heard) {
      ledger.said("caller", heard.transcript());
    } else if (event instanceof RealtimeServerEvent.AudioTranscriptDone said) {
      ledger.said("knotty", said.transcript());
    } else if (event instanceof RealtimeServerEvent.Unknown unknown) {
      services.metrics.unknownEvent("openai");
      Log.debugf("call %s: unknown OpenAI event %s", callSid, unknown.type());
    }
  }

  /** Twilio echoed a mark: the goodbye has played, or some of Knotty's audio has. */
  void onMark(String name) {
    if (END_CALL_MARK.equals(name)) {
      ending.hangUp("Knotty said goodbye");
      return;
    }
    playback.onMark(name);
    if (!playback.isPlaying()) {
      limits.activity(System.nanoTime());
    }
  }

  private void onCallerSpeech() {
    limits.callerSpoke(System.nanoTime());
    playback
        .bargeIn()
        .ifPresent(
            cut -> {
              link.send(services.realtimeCodec.truncate(cut.itemId(), cut.audioEndMs()));
              Log.debugf("call %s: barge-in, Knotty cut at %d ms", callSid, cut.audioEndMs());
            });
  }

  private void onFunctionCall(RealtimeServerEvent.Item item) {
    String name = item.name() == null ? "" : item.name();
    switch (name) {
      case RealtimeSessionFactory.SAVE_TOOL -> {
        turns.toolStarted();
        services.tools.save(
            item.arguments(),
            callSid,
            language,
            context,
            outcome -> onSaved(item.callId(), outcome));
      }
      case RealtimeSessionFactory.END_CALL_TOOL -> {
        turns.endCall(services.realtimeCodec.functionCallOutput(item.callId(), "{\"ok\":true}"));
        services.metrics.toolResult(name, "ok");
      }
      default -> {
        turns.answer(
            services.realtimeCodec.functionCallOutput(
                item.callId(), "{\"ok\":false,\"reason\":\"unknown_tool\"}"));
        services.metrics.toolResult("unknown", "unknown_tool");
      }
    }
  }

  private void onSaved(String toolCallId, ToolOutcome outcome) {
    turns.toolFinished();
    services.metrics.toolResult(RealtimeSessionFactory.SAVE_TOOL, outcome.result());
    ledger.saved(outcome);
    if (ending.ended()) {
      return;
    }
    turns.answer(services.realtimeCodec.functionCallOutput(toolCallId, outcome.output()));
    continueConversation();
  }

  private void onResponseDone(RealtimeServerEvent.ResponseDone done) {
    turns.responseDone();
    playback.audioDone();
    if (done.response() != null) {
      ledger.usage(done.response().usage());
    }
    continueConversation();
  }

  /** Sends tool outputs and what follows them once it is the bridge's turn. */
  private void continueConversation() {
    if (!link.started() || ending.ended()) {
      return;
    }
    turns.takeOutputs().forEach(link::send);
    switch (turns.next()) {
      case END_MARK -> playback.mark(END_CALL_MARK); // echoed once the goodbye has played
      case REPLY -> reply();
      case NOTHING -> {}
    }
  }

  private void reply() {
    turns.responseStarted();
    link.send(services.realtimeCodec.responseCreate());
  }

  /**
   * A reply prompted by the call's time limits: the nudge goes into the conversation as a system
   * message, and the reply keeps the session's instructions (Knotty's persona and rules).
   */
  private void nudge(String note) {
    link.send(services.realtimeCodec.systemMessage(note));
    reply();
  }

  /** Once a second: what the call's length and the caller's silence call for. */
  void tick() {
    if (!link.started() || ending.ended()) {
      return;
    }
    boolean idle = turns.idle() && !playback.isPlaying();
    switch (limits.next(System.nanoTime(), idle, turns.endCallRequested())) {
      case HANG_UP -> ending.hangUp("the call passed its maximum length");
      case WRAP_UP ->
          nudge(
              "The call has reached its time limit. Thank the caller warmly, say a short goodbye"
                  + " and call end_call.");
      case WARN -> nudge("Tell the caller briefly that the call has about a minute left.");
      case CHECK_SILENCE ->
          nudge("The caller has been silent. Ask briefly and kindly whether they are still there.");
      case GOODBYE_SILENT ->
          nudge(
              "The caller has stayed silent. Say that you will let them go, say a short goodbye"
                  + " and call end_call.");
      case NONE -> {}
    }
  }
}
