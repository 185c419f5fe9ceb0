package com.masseurmatch.waitlist.bridge.session;

import com.masseurmatch.waitlist.bridge.openai.RealtimeCodec;
import com.masseurmatch.waitlist.bridge.openai.RealtimeConnector;
import com.masseurmatch.waitlist.bridge.openai.RealtimeServerEvent;
import com.masseurmatch.waitlist.bridge.openai.RealtimeServerEvent.AudioDelta;
import com.masseurmatch.waitlist.bridge.openai.RealtimeServerEvent.OutputItemDone;
import com.masseurmatch.waitlist.bridge.openai.RealtimeSessionFactory;
import com.masseurmatch.waitlist.bridge.twilio.MalformedFrameException;
import com.masseurmatch.waitlist.bridge.twilio.TwilioMessage;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.TranscriptTurn;
import com.masseurmatch.waitlist.model.logging.Masking;
import com.masseurmatch.waitlist.model.tool.ToolOutcome;
import com.masseurmatch.waitlist.model.waitlist.Source;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.http.WebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One call: the only class that knows both the Twilio stream and the OpenAI socket. It owns all
 * per-call state, lives from Twilio's {@code start} until either side closes, and routes each event
 * to one small handler. Every entry point is synchronized: events arrive on the two sockets' event
 * loops and from worker threads finishing tool calls, and none of them blocks.
 */
public final class CallSession implements RealtimeConnector.Listener {

  static final String END_CALL_MARK = "end-call";

  private enum State {
    CONNECTING,
    OPEN,
    ENDED
  }

  private final CallServices services;
  private final CallRegistry registry;
  private final WebSocketConnection twilio;
  private final TwilioMessage.Start start;
  private final String callSid;
  private final String streamSid;
  private final CallRecordWriter records;
  private final long startedNanos;

  private State state = State.CONNECTING;
  private WebSocket openAi;
  private final Deque<String> connectBuffer = new ArrayDeque<>();
  private final UsageTotals usage = new UsageTotals();
  private final List<TranscriptTurn> transcript = new ArrayList<>();
  private long callClockMs;
  private final ConversationTurns turns = new ConversationTurns();
  private boolean hangUpStarted;
  private boolean firstAudioSent;
  private boolean malformedLogged;
  private boolean failed;
  private UUID waitlistId;
  private final CallTimeLimits limits;
  private long timerId = -1;
  private int connectAttempts;
  private long sessionTimer = -1;
  private boolean redirected;
  private final Map<String, String> collected = new LinkedHashMap<>();
  private final FrameWriter twilioOut;
  private final TwilioPlayback playback;
  private FrameWriter openAiOut;

  CallSession(
      CallServices services,
      CallRegistry registry,
      WebSocketConnection twilio,
      TwilioMessage.Start start) {
    this.services = services;
    this.registry = registry;
    this.twilio = twilio;
    this.twilioOut = new FrameWriter(twilio, e -> sendFailed("Twilio", e));
    this.start = start;
    this.callSid = start.callSid();
    this.streamSid = start.streamSid();
    this.playback = new TwilioPlayback(twilioOut, streamSid);
    this.records =
        new CallRecordWriter(
            services, callSid, start.customParameters().get("caller"), services.clock.instant());
    this.startedNanos = System.nanoTime();
    this.limits =
        new CallTimeLimits(
            startedNanos,
            services.config.maxCallLength(),
            services.config.maxCallWarning(),
            services.config.silenceTimeout(),
            services.config.silencePrompts());
  }

  public String callSid() {
    return callSid;
  }

  /** Opens the OpenAI socket; called once, right after the stream token verified. */
  synchronized void connect() {
    Log.infof("call %s: stream %s started, connecting to OpenAI", callSid, streamSid);
    timerId = services.vertx.setPeriodic(1000, id -> tick());
    attemptConnect();
  }

  /** One try at the OpenAI socket; it must also send {@code session.created} in time. */
  private void attemptConnect() {
    int attempt = ++connectAttempts;
    long connectStart = System.nanoTime();
    sessionTimer =
        services.vertx.setTimer(
            services.config.sessionStartTimeout().toMillis(), id -> onSessionTimeout(attempt));
    services
        .connector
        .connect(this)
        .onSuccess(socket -> onOpenAiConnected(socket, connectStart))
        .onFailure(failure -> onOpenAiFailed(attempt, failure.getMessage()));
  }

  private synchronized void onSessionTimeout(int attempt) {
    if (state == State.CONNECTING && attempt == connectAttempts) {
      onOpenAiFailed(attempt, "no session.created in time");
    }
  }

  // ---------------------------------------------------------------- Twilio side

  synchronized void onTwilioText(String text) {
    if (state == State.ENDED) {
      // frames still in flight after the session ended
      return;
    }
    TwilioMessage message;
    try {
      message = services.twilioCodec.decode(text);
    } catch (MalformedFrameException e) {
      malformed("twilio", e);
      return;
    }
    if (message instanceof TwilioMessage.Media media) {
      onCallerAudio(media);
    } else if (message instanceof TwilioMessage.Mark mark) {
      onMark(mark);
    } else if (message instanceof TwilioMessage.Stop) {
      end("the caller hung up");
    } else if (message instanceof TwilioMessage.Dtmf dtmf) {
      Log.debugf("call %s: keypad %s", callSid, dtmf.digit());
    } else if (message instanceof TwilioMessage.Unknown unknown) {
      services.metrics.unknownEvent("twilio");
      Log.debugf("call %s: unknown Twilio event %s", callSid, unknown.event());
    }
  }

  synchronized void onTwilioClosed() {
    end("the Twilio stream closed");
  }

  private void onCallerAudio(TwilioMessage.Media media) {
    callClockMs = media.timestampMs();
    if (state == State.OPEN) {
      if (writable(openAiOut, "openai")) {
        send(RealtimeCodec.append(media.payload()));
        services.metrics.callerFrame();
      }
    } else if (state == State.CONNECTING) {
      if (connectBuffer.size() >= services.config.connectBufferFrames()) {
        connectBuffer.removeFirst();
        services.metrics.droppedWhileConnecting();
      }
      connectBuffer.addLast(media.payload());
    }
  }

  private void onMark(TwilioMessage.Mark mark) {
    if (END_CALL_MARK.equals(mark.name())) {
      hangUp("Knotty said goodbye");
      return;
    }
    playback.onMark(mark.name(), callClockMs);
    if (!playback.isPlaying()) {
      limits.activity(System.nanoTime());
    }
  }

  // ---------------------------------------------------------------- OpenAI side

  private synchronized void onOpenAiConnected(WebSocket socket, long began) {
    if (state == State.ENDED) {
      // the caller hung up while the socket was opening: it must not outlive the call
      socket.close();
      return;
    }
    if (state == State.CONNECTING && openAi != null && openAi != socket) {
      socket.close();
      return;
    }
    if (openAi == null) {
      useOpenAi(socket);
    }
    services.metrics.openAiConnected(Duration.ofNanos(System.nanoTime() - began));
  }

  /** A connect attempt failed: try again while attempts remain, then send the call away. */
  private synchronized void onOpenAiFailed(int attempt, String why) {
    if (state != State.CONNECTING || attempt != connectAttempts) {
      return;
    }
    services.vertx.cancelTimer(sessionTimer);
    Log.warnf("call %s: OpenAI Realtime attempt %d failed: %s", callSid, attempt, why);
    if (openAi != null) {
      openAi.close();
      openAi = null;
      openAiOut = null;
    }
    if (attempt < services.config.openaiConnectAttempts()) {
      services.vertx.setTimer(250, id -> retryConnect(attempt));
      return;
    }
    failed = true;
    redirectToFallback("openai_unavailable");
  }

  private void useOpenAi(WebSocket socket) {
    openAi = socket;
    openAiOut = new FrameWriter(socket, e -> sendFailed("OpenAI", e));
  }

  private synchronized void retryConnect(int failedAttempt) {
    if (state == State.CONNECTING && failedAttempt == connectAttempts) {
      attemptConnect();
    }
  }

  @Override
  public synchronized void onText(WebSocket socket, String text) {
    if (state == State.ENDED) {
      return;
    }
    if (openAi == null) {
      // the connect callback runs first, unless the attempt was given up in between
      useOpenAi(socket);
    } else if (openAi != socket) {
      // a socket of an attempt that was given up
      socket.close();
      return;
    }
    RealtimeServerEvent event;
    try {
      event = services.realtimeCodec.decode(text);
    } catch (MalformedFrameException e) {
      malformed("openai", e);
      return;
    }
    if (event instanceof AudioDelta delta) {
      onKnottyAudio(delta);
    } else if (event instanceof RealtimeServerEvent.AudioDone) {
      playback.audioDone();
    } else if (event instanceof RealtimeServerEvent.SessionCreated) {
      onSessionCreated();
    } else if (event instanceof RealtimeServerEvent.ResponseCreated) {
      turns.responseStarted();
    } else if (event instanceof RealtimeServerEvent.SpeechStarted) {
      onCallerSpeech();
    } else if (event instanceof RealtimeServerEvent.SpeechStopped) {
      limits.activity(System.nanoTime());
    } else if (event instanceof OutputItemDone done && done.item() != null) {
      if (done.item().isFunctionCall()) {
        onFunctionCall(done.item());
      }
    } else if (event instanceof RealtimeServerEvent.ResponseDone done) {
      onResponseDone(done);
    } else if (event instanceof RealtimeServerEvent.InputTranscriptionCompleted heard) {
      addTurn("caller", heard.transcript());
    } else if (event instanceof RealtimeServerEvent.AudioTranscriptDone said) {
      addTurn("knotty", said.transcript());
    } else if (event instanceof RealtimeServerEvent.Error error) {
      onError(error);
    } else if (event instanceof RealtimeServerEvent.Unknown unknown) {
      services.metrics.unknownEvent("openai");
      Log.debugf("call %s: unknown OpenAI event %s", callSid, unknown.type());
    }
  }

  @Override
  public synchronized void onClose(WebSocket socket, int code, String reason) {
    if (state == State.ENDED) {
      return;
    }
    if (socket != openAi) {
      return;
    }
    Log.warnf("call %s: OpenAI closed the socket (%d %s)", callSid, code, reason);
    if (state == State.CONNECTING) {
      onOpenAiFailed(connectAttempts, "socket closed before the session started");
      return;
    }
    failed = waitlistId == null;
    redirectToFallback("openai_closed");
  }

  private void onSessionCreated() {
    if (state != State.CONNECTING) {
      return;
    }
    services.vertx.cancelTimer(sessionTimer);
    send(services.sessionUpdate);
    String caller = start.customParameters().get("caller");
    if (caller != null && !caller.isBlank()) {
      send(
          services.realtimeCodec.systemMessage(
              "The caller is calling from " + caller + ". Offer this number instead of asking."));
    }
    state = State.OPEN;
    while (!connectBuffer.isEmpty()) {
      send(RealtimeCodec.append(connectBuffer.removeFirst()));
      services.metrics.callerFrame();
    }
    // Knotty speaks first
    send(services.realtimeCodec.responseCreate(null));
  }

  private void onKnottyAudio(AudioDelta delta) {
    if (delta.delta() == null || delta.delta().isEmpty() || !writable(twilioOut, "twilio")) {
      return;
    }
    if (!playback.play(delta.itemId(), delta.delta(), callClockMs)) {
      return;
    }
    services.metrics.knottyFrame();
    if (!firstAudioSent) {
      firstAudioSent = true;
      services.metrics.firstAudio(Duration.ofNanos(System.nanoTime() - startedNanos));
    }
  }

  private void onCallerSpeech() {
    limits.callerSpoke(System.nanoTime());
    playback
        .bargeIn(callClockMs)
        .ifPresent(
            cut -> {
              send(services.realtimeCodec.truncate(cut.itemId(), cut.audioEndMs()));
              Log.debugf("call %s: barge-in, Knotty cut at %d ms", callSid, cut.audioEndMs());
            });
  }

  private void onFunctionCall(RealtimeServerEvent.Item item) {
    String name = item.name() == null ? "" : item.name();
    switch (name) {
      case RealtimeSessionFactory.SAVE_TOOL -> runSaveTool(item);
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

  private void runSaveTool(RealtimeServerEvent.Item item) {
    turns.toolStarted();
    String arguments = item.arguments();
    services.blocking.execute(
        () -> {
          ToolOutcome outcome = services.saveTool.save(arguments, Source.PHONE, callSid);
          if (outcome.waitlistId() != null) {
            records.signedUp(outcome.waitlistId());
          }
          if (outcome.unsaved() != null) {
            // the store is down: the signup waits in the outbox, nothing is lost
            services.outbox.enqueue(outcome.unsaved());
          }
          onToolDone(item.callId(), outcome);
        });
  }

  private synchronized void onToolDone(String toolCallId, ToolOutcome outcome) {
    turns.toolFinished();
    services.metrics.toolResult(RealtimeSessionFactory.SAVE_TOOL, outcome.result());
    collected.putAll(outcome.collected());
    if (outcome.waitlistId() != null) {
      waitlistId = outcome.waitlistId();
    }
    if (state == State.ENDED) {
      return;
    }
    turns.answer(services.realtimeCodec.functionCallOutput(toolCallId, outcome.output()));
    continueConversation();
  }

  private void onResponseDone(RealtimeServerEvent.ResponseDone done) {
    turns.responseDone();
    playback.audioDone();
    if (done.response() != null) {
      usage.add(done.response().usage());
    }
    continueConversation();
  }

  /**
   * Sends tool outputs and what follows them once it is the bridge's turn ({@link
   * ConversationTurns}).
   */
  private void continueConversation() {
    if (state != State.OPEN) {
      return;
    }
    turns.takeOutputs().forEach(this::send);
    switch (turns.next()) {
      case END_MARK -> playback.mark(END_CALL_MARK); // echoed once the goodbye has played
      case REPLY -> reply(null);
      case NOTHING -> {}
    }
  }

  private void reply(String instructions) {
    turns.responseStarted();
    send(services.realtimeCodec.responseCreate(instructions));
  }

  private void onError(RealtimeServerEvent.Error error) {
    String code = error.error() == null ? null : error.error().code();
    String message = error.error() == null ? "" : Masking.text(error.error().message());
    services.metrics.openAiError(code);
    Log.warnf("call %s: OpenAI error %s: %s", callSid, code, message);
    if (state == State.CONNECTING) {
      onOpenAiFailed(connectAttempts, "error " + code + " before the session started");
    } else if ("session_expired".equals(code)) {
      failed = waitlistId == null;
      redirectToFallback("openai_session_expired");
    }
  }

  private void addTurn(String speaker, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    transcript.add(new TranscriptTurn(speaker, text, services.clock.instant()));
    Log.infof("call %s: %s: %s", callSid, speaker, Masking.text(text));
  }

  // ---------------------------------------------------------------- time limits

  synchronized void tick() {
    if (state != State.OPEN) {
      return;
    }
    boolean idle = turns.idle() && !playback.isPlaying();
    switch (limits.next(System.nanoTime(), idle, turns.endCallRequested())) {
      case HANG_UP -> hangUp("the call passed its maximum length");
      case WRAP_UP ->
          reply(
              "The call has reached its time limit. Thank the caller warmly, say a short goodbye"
                  + " and call end_call.");
      case WARN -> reply("Tell the caller briefly that the call has about a minute left.");
      case CHECK_SILENCE ->
          reply("The caller has been silent. Ask briefly and kindly whether they are still there.");
      case GOODBYE_SILENT ->
          reply(
              "The caller has stayed silent. Say that you will let them go, say a short goodbye"
                  + " and call end_call.");
      case NONE -> {}
    }
  }

  // ---------------------------------------------------------------- ending

  private void hangUp(String why) {
    if (hangUpStarted) {
      return;
    }
    hangUpStarted = true;
    Log.infof("call %s: hanging up: %s", callSid, why);
    services.blocking.execute(
        () -> {
          if (services.synthetic || !services.callControl.hangUp(callSid)) {
            // without Twilio's REST API, closing the stream makes Twilio continue with the IVR
            closeTwilioNow("hang-up");
          }
        });
  }

  /**
   * The realtime path cannot keep this call: store what is known on the {@code calls} row, then
   * send the live call to the IVR's fallback through Twilio's REST API (closing the stream if that
   * fails, which makes Twilio continue with the IVR too).
   */
  synchronized void redirectToFallback(String reason) {
    Runnable redirect = prepareRedirect(reason);
    if (redirect != null) {
      services.blocking.execute(redirect);
      end(reason);
    }
  }

  /** The same, done on the calling thread: for shutdown, when worker pools are closing. */
  void redirectNow(String reason) {
    Runnable redirect;
    synchronized (this) {
      redirect = prepareRedirect(reason);
    }
    if (redirect != null) {
      redirect.run();
      end(reason);
    }
  }

  private Runnable prepareRedirect(String reason) {
    if (state == State.ENDED || redirected) {
      return null;
    }
    redirected = true;
    services.metrics.redirected(reason);
    Log.warnf("call %s: sending the call to the fallback (%s)", callSid, reason);
    CallRecord known = records.beforeRedirect(waitlistId != null, collected);
    return () -> {
      records.write(known);
      if (services.synthetic || !services.callControl.redirectToFallback(callSid)) {
        closeTwilioNow("redirect failed");
      }
    };
  }

  private synchronized void closeTwilioNow(String why) {
    closeTwilio(why);
  }

  private void closeTwilio(String why) {
    if (twilio.isOpen()) {
      twilio.close().subscribe().with(ok -> {}, e -> {});
    }
    end(why);
  }

  /** Releases everything once; writes the call record off the event loop. */
  synchronized void end(String why) {
    if (state == State.ENDED) {
      return;
    }
    state = State.ENDED;
    if (timerId >= 0) {
      services.vertx.cancelTimer(timerId);
    }
    services.vertx.cancelTimer(sessionTimer);
    if (openAi != null && !openAi.isClosed()) {
      openAi.close();
    }
    connectBuffer.clear();
    registry.remove(this);
    CallOutcome outcome =
        waitlistId != null
            ? CallOutcome.SIGNED_UP
            : failed ? CallOutcome.FAILED : CallOutcome.ABANDONED;
    services.metrics.callEnded(outcome.wireName());
    Log.infof("call %s: ended (%s), outcome %s", callSid, why, outcome.wireName());
    records.writeLater(
        records.atEnd(waitlistId, transcript, usage, collected, outcome, redirected));
  }

  // ---------------------------------------------------------------- sending

  /** A frame for OpenAI; a socket that has closed reports the failed write (logged at debug). */
  private void send(String event) {
    if (openAiOut != null) {
      openAiOut.write(event);
    }
  }

  /**
   * Audio for a socket that is not keeping up: beyond {@code BRIDGE_MAX_PENDING_WRITES} unwritten
   * frames it is dropped and counted, so a slow peer never makes memory grow without bound.
   */
  private boolean writable(FrameWriter out, String side) {
    if (out != null && out.pending() >= services.config.maxPendingWrites()) {
      services.metrics.audioDropped(side);
      return false;
    }
    return true;
  }

  private void sendFailed(String side, Throwable e) {
    Log.debugf("call %s: send to %s failed: %s", callSid, side, e.getMessage());
  }

  private void malformed(String side, MalformedFrameException e) {
    services.metrics.malformed(side);
    if (!malformedLogged) {
      malformedLogged = true;
      Log.warnf("call %s: ignoring a malformed %s frame: %s", callSid, side, e.getMessage());
    }
  }
}
