package com.masseurmatch.waitlist.bridge.call;

import com.masseurmatch.waitlist.bridge.frame.FrameWriter;
import com.masseurmatch.waitlist.bridge.frame.MalformedFrameException;
import com.masseurmatch.waitlist.bridge.openai.OpenAiLink;
import com.masseurmatch.waitlist.bridge.openai.RealtimeCodec;
import com.masseurmatch.waitlist.bridge.openai.RealtimeServerEvent;
import com.masseurmatch.waitlist.bridge.twilio.TwilioMessage;
import com.masseurmatch.waitlist.bridge.variant.SessionChoice;
import com.masseurmatch.waitlist.model.stream.StreamContract;
import com.masseurmatch.waitlist.model.text.Language;
import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One call, from Twilio's {@code start} until either side leaves: the only class that sees both the
 * Twilio stream and the OpenAI link. It carries audio both ways and routes every other event: the
 * conversation to {@link Conversation}, the end to {@link CallEnding}, what the call produced to
 * {@link CallLedger}. Confined to the event loop of the Twilio socket, which the OpenAI socket, the
 * call's timers and its tool results share; nothing here blocks or locks.
 */
public final class CallSession implements OpenAiLink.Listener {

  /** Caller frames kept while OpenAI connects: 5 s of audio; older ones are dropped. */
  static final int CONNECT_BUFFER_FRAMES = 250;

  /** Tries to open the OpenAI session before the call goes to the fallback. */
  static final int CONNECT_ATTEMPTS = 2;

  private final CallServices services;
  private final String callSid;
  private final String streamSid;
  private final long startedNanos = System.nanoTime();
  private final FrameWriter twilioOut;
  private final TwilioPlayback playback;
  private final OpenAiLink link;
  private final CallLedger ledger;
  private final CallEnding ending;
  private final Conversation conversation;
  private final String caller;
  private final Language language;
  private final String experiment;
  private final String variant;
  private final Context context;
  private SessionChoice session;
  private final Deque<String> connectBuffer = new ArrayDeque<>();
  private long ticks = -1;
  private boolean firstAudioSent;
  private boolean malformedLogged;

  CallSession(
      CallServices services,
      CallRegistry registry,
      ServerWebSocket twilio,
      TwilioMessage.Start start) {
    this.services = services;
    this.callSid = start.callSid();
    this.streamSid = start.streamSid();
    this.caller = start.customParameters().get(StreamContract.CALLER_PARAMETER);
    this.language = Language.of(start.customParameters().get(StreamContract.LANGUAGE_PARAMETER));
    this.experiment = start.customParameters().get(StreamContract.EXPERIMENT_PARAMETER);
    this.variant = start.customParameters().get(StreamContract.VARIANT_PARAMETER);
    this.context = services.vertx.getOrCreateContext();
    this.session = services.variants.configured(language);
    this.twilioOut = new FrameWriter(twilio, "Twilio");
    this.playback = new TwilioPlayback(twilioOut, streamSid);
    this.ledger =
        new CallLedger(
            callSid,
            services.clock,
            new CallRecordWriter(
                services,
                callSid,
                caller,
                language.code(),
                services.clock.instant(),
                uuid(experiment),
                variant));
    this.link =
        new OpenAiLink(
            services.vertx,
            services.connector,
            services.realtimeCodec,
            services.metrics,
            callSid,
            CONNECT_ATTEMPTS,
            services.config.openai().sessionStartTimeout(),
            this);
    this.ending =
        new CallEnding(
            services,
            callSid,
            context,
            twilioOut,
            ledger,
            () -> {
              services.vertx.cancelTimer(ticks);
              link.close();
              connectBuffer.clear();
              registry.remove(this);
            });
    this.conversation =
        new Conversation(
            services, callSid, context, link, playback, ledger, ending, startedNanos, language);
  }

  public String callSid() {
    return callSid;
  }

  /**
   * Opens the OpenAI link with the call's set-up (its experiment variant's, read off the event loop
   * the first time); called once, on the call's event loop, right after admission.
   */
  void connect() {
    services.log.infof("call %s: stream %s started, connecting to OpenAI", callSid, streamSid);
    ticks = services.vertx.setPeriodic(1000, id -> conversation.tick());
    if (experiment == null || variant == null) {
      link.connect();
      return;
    }
    services
        .variants
        .choose(language, experiment, variant)
        .thenAccept(chosen -> context.runOnContext(ignored -> connectWith(chosen)));
  }

  private void connectWith(SessionChoice chosen) {
    if (ending.ended()) {
      return;
    }
    session = chosen;
    ledger.records().pricedAt(chosen.prices());
    services.log.infof(
        "call %s: experiment variant %s on %s", callSid, chosen.variant(), chosen.model());
    link.connect(services.connector.withModel(chosen.model()));
  }

  private static java.util.UUID uuid(String text) {
    try {
      return text == null ? null : java.util.UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- Twilio side

  /** A frame from Twilio. */
  public void onTwilioText(String text) {
    if (ending.ended()) {
      return; // frames still in flight after the call ended
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
      conversation.onMark(mark.name());
    } else if (message instanceof TwilioMessage.Stop) {
      ending.end("the caller hung up");
    } else if (message instanceof TwilioMessage.Dtmf dtmf) {
      Log.debugf("call %s: keypad %s", callSid, dtmf.digit());
    } else if (message instanceof TwilioMessage.Unknown unknown) {
      services.metrics.unknownEvent("twilio");
      Log.debugf("call %s: unknown Twilio event %s", callSid, unknown.event());
    }
  }

  /** The Twilio socket closed. */
  public void onTwilioClosed() {
    ending.end("the Twilio stream closed");
  }

  private void onCallerAudio(TwilioMessage.Media media) {
    playback.clock(media.timestampMs());
    if (link.started()) {
      if (link.writable()) {
        link.send(RealtimeCodec.append(media.payload()));
        services.metrics.callerFrame();
      } else {
        services.metrics.audioDropped("openai");
      }
      return;
    }
    if (connectBuffer.size() >= CONNECT_BUFFER_FRAMES) {
      connectBuffer.removeFirst();
      services.metrics.droppedWhileConnecting();
    }
    connectBuffer.addLast(media.payload());
  }

  // ---------------------------------------------------------------- OpenAI side

  @Override
  public void onSessionCreated() {
    if (!ending.ended()) {
      conversation.configure(caller, session.sessionUpdate());
    }
  }

  /** OpenAI confirmed u-law both ways: the caller's audio so far, then Knotty's greeting. */
  @Override
  public void onSessionStarted() {
    if (ending.ended()) {
      return;
    }
    while (!connectBuffer.isEmpty()) {
      link.send(RealtimeCodec.append(connectBuffer.removeFirst()));
      services.metrics.callerFrame();
    }
    conversation.greet();
  }

  @Override
  public void onEvent(RealtimeServerEvent event) {
    if (ending.ended()) {
      return;
    }
    if (event instanceof RealtimeServerEvent.AudioDelta delta) {
      onKnottyAudio(delta);
    } else {
      conversation.onEvent(event);
    }
  }

  @Override
  public void onMalformed(MalformedFrameException e) {
    malformed("openai", e);
  }

  @Override
  public void onUnavailable(String reason) {
    ledger.failed();
    ending.redirect(reason);
  }

  @Override
  public void onLost(String reason) {
    ledger.failed();
    ending.redirect(reason);
  }

  private void onKnottyAudio(RealtimeServerEvent.AudioDelta delta) {
    if (delta.delta() == null || delta.delta().isEmpty()) {
      return;
    }
    if (!playback.writable()) {
      services.metrics.audioDropped("twilio");
      return;
    }
    if (!playback.play(delta.itemId(), delta.delta())) {
      return;
    }
    services.metrics.knottyFrame();
    if (!firstAudioSent) {
      firstAudioSent = true;
      services.metrics.firstAudio(Duration.ofNanos(System.nanoTime() - startedNanos));
    }
  }

  // ---------------------------------------------------------------- ending

  /** Sends the call to the IVR's fallback from any thread: for shutdown. */
  public void redirectNow(String reason) {
    ending.redirectNow(reason);
  }

  private void malformed(String side, MalformedFrameException e) {
    services.metrics.malformed(side);
    if (!malformedLogged) {
      malformedLogged = true;
      Log.warnf("call %s: ignoring a malformed %s frame: %s", callSid, side, e.getMessage());
    }
  }
}
