package com.masseurmatch.waitlist.bridge.admission;

import com.masseurmatch.waitlist.bridge.call.CallRegistry;
import com.masseurmatch.waitlist.bridge.call.CallServices;
import com.masseurmatch.waitlist.bridge.call.CallSession;
import com.masseurmatch.waitlist.bridge.frame.MalformedFrameException;
import com.masseurmatch.waitlist.bridge.openai.RealtimeConnector;
import com.masseurmatch.waitlist.bridge.twilio.TwilioCallControl;
import com.masseurmatch.waitlist.bridge.twilio.TwilioMessage;
import com.masseurmatch.waitlist.model.logging.LogText;
import com.masseurmatch.waitlist.model.stream.StreamContract;
import com.masseurmatch.waitlist.model.token.StreamTokens;
import com.masseurmatch.waitlist.model.token.TokenCheck;
import io.quarkus.logging.Log;
import io.vertx.core.http.ServerWebSocket;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Decides which Twilio streams become calls. Until a stream has a call it accepts only {@code
 * connected} and a {@code start} whose token verifies for its call SID, within the start timeout
 * and under a cap on such waiting sockets; anything else never reaches OpenAI. A token opens one
 * stream ({@link StreamClaims}). A verified stream whose audio is not 8 kHz mono u-law, or that
 * arrives while draining or at the call cap, is sent to the IVR's fallback. Afterwards the socket's
 * frames go straight to its {@link CallSession}, on the socket's event loop.
 */
@Singleton
public class StreamAdmission {

  /** WebSocket close code 1008: policy violation. */
  static final short POLICY_VIOLATION = 1008;

  private final CallRegistry registry;
  private final CallServices services;
  private final StreamTokens tokens;
  private final RealtimeConnector connector;
  private final BridgeGate gate;
  private final TwilioCallControl callControl;
  private final StreamClaims claims;
  private final int maxWaiting;
  private final AtomicLong evictions = new AtomicLong();
  // sockets without a valid start yet, oldest first; shared by every event loop
  private final LinkedHashMap<ServerWebSocket, Long> waiting = new LinkedHashMap<>();
  private volatile Function<TwilioMessage.Start, CallServices> divert = start -> null;

  StreamAdmission(
      CallRegistry registry,
      CallServices services,
      StreamTokens tokens,
      RealtimeConnector connector,
      BridgeGate gate,
      TwilioCallControl callControl,
      StreamClaims claims) {
    this.registry = registry;
    this.services = services;
    this.tokens = tokens;
    this.connector = connector;
    this.gate = gate;
    this.callControl = callControl;
    this.claims = claims;
    this.maxWaiting = services.config().admission().maxCalls();
  }

  /**
   * Streams for which {@code services} returns services are admitted with those, past the gate: the
   * warm-up's calls, which stream through the same path as real ones.
   */
  public void divert(Function<TwilioMessage.Start, CallServices> services) {
    this.divert = services;
  }

  /**
   * A new socket waits for its start. Past the cap the oldest waiting socket is closed: a flood of
   * idle sockets cannot lock out a real call, whose start arrives within milliseconds.
   */
  public void accept(ServerWebSocket twilio) {
    twilio.textMessageHandler(text -> beforeStart(twilio, text));
    twilio.closeHandler(v -> leaveWaiting(twilio));
    twilio.exceptionHandler(e -> Log.debugf("Twilio socket error: %s", e.toString()));
    long timer =
        services
            .vertx()
            .setTimer(
                services.config().admission().startTimeout().toMillis(),
                id -> {
                  if (leaveWaiting(twilio)) {
                    services.metrics().streamRejected("no_start");
                    twilio.close(POLICY_VIOLATION, "no start in time");
                  }
                });
    ServerWebSocket evicted = null;
    Long evictedTimer = null;
    synchronized (waiting) {
      if (waiting.size() >= maxWaiting) {
        evicted = waiting.keySet().iterator().next();
        evictedTimer = waiting.remove(evicted);
      }
      waiting.put(twilio, timer);
    }
    if (evicted != null) {
      long count = evictions.incrementAndGet();
      if (count % 100 == 1) {
        Log.warnf(
            "%d waiting for start: closed the oldest socket without a start (%d so far)",
            maxWaiting, count);
      }
      services.vertx().cancelTimer(evictedTimer);
      services.metrics().streamRejected("too_many_unauthenticated");
      evicted.close(POLICY_VIOLATION, "too many unauthenticated streams");
    }
  }

  /** Sockets waiting for their start. */
  public int waitingForStart() {
    synchronized (waiting) {
      return waiting.size();
    }
  }

  private void beforeStart(ServerWebSocket twilio, String text) {
    TwilioMessage message;
    try {
      message = services.twilioCodec().decode(text);
    } catch (MalformedFrameException e) {
      services.metrics().malformed("twilio");
      return;
    }
    if (message instanceof TwilioMessage.Start start && leaveWaiting(twilio)) {
      onStart(twilio, start);
    }
  }

  /** Leaves the waiting set; false when the socket was not waiting (already handled). */
  private boolean leaveWaiting(ServerWebSocket twilio) {
    Long timer;
    synchronized (waiting) {
      timer = waiting.remove(twilio);
    }
    if (timer == null) {
      return false;
    }
    services.vertx().cancelTimer(timer);
    return true;
  }

  private void onStart(ServerWebSocket twilio, TwilioMessage.Start start) {
    String token = start.customParameters().get(StreamContract.TOKEN_PARAMETER);
    TokenCheck check = tokens.verify(token, start.callSid());
    if (check != TokenCheck.VALID) {
      services.metrics().streamRejected("token_" + check.name().toLowerCase());
      Log.warnf("call %s: stream refused, token %s", LogText.of(start.callSid()), check);
      twilio.close(POLICY_VIOLATION, "invalid stream token");
      return;
    }
    StreamClaims.Claim claim = claims.claim(start.callSid(), token);
    if (claim != StreamClaims.Claim.GRANTED) {
      services.metrics().streamRejected(claim.name().toLowerCase());
      Log.warnf("call %s: stream refused, %s", start.callSid(), claim);
      twilio.close(
          POLICY_VIOLATION,
          claim == StreamClaims.Claim.TOKEN_ALREADY_USED
              ? "stream token already used"
              : "call already has a stream");
      return;
    }
    twilio.closeHandler(v -> claims.release(start.callSid()));
    if (!start.telephoneAudio()) {
      services.metrics().streamRejected("media_format");
      Log.errorf(
          "call %s: stream refused, media format %s at %d Hz, %d channel(s) instead of"
              + " audio/x-mulaw at 8000 Hz, mono; sending the call to the fallback",
          start.callSid(), LogText.of(start.encoding()), start.sampleRate(), start.channels());
      sendToFallback(twilio, start.callSid(), "media_format");
      return;
    }
    CallServices diverted = divert.apply(start);
    if (diverted != null) {
      receiveInCall(twilio, registry.open(twilio, start, diverted));
      return;
    }
    if (!connector.configured()) {
      services.metrics().streamRejected("no_openai_key");
      Log.errorf("call %s: OPENAI_API_KEY is not set; sending the call back", start.callSid());
      sendToFallback(twilio, start.callSid(), "no_openai_key");
      return;
    }
    if (!gate.admits(registry.activeCalls())) {
      String reason = gate.draining() ? "draining" : "capacity";
      services.metrics().streamRejected(reason);
      Log.warnf("call %s: not taken (%s); sending it to the fallback", start.callSid(), reason);
      sendToFallback(twilio, start.callSid(), reason);
      return;
    }
    receiveInCall(twilio, registry.open(twilio, start));
  }

  /** From now on the stream's frames and its close go straight to its call. */
  private void receiveInCall(ServerWebSocket twilio, CallSession call) {
    twilio.textMessageHandler(call::onTwilioText);
    twilio.closeHandler(
        v -> {
          claims.release(call.callSid());
          call.onTwilioClosed();
        });
  }

  /**
   * Redirects the live call to the IVR's fallback; if that fails, closing the stream makes Twilio
   * continue with the {@code <Connect>} action, which also ends in the fallback.
   */
  private void sendToFallback(ServerWebSocket twilio, String callSid, String reason) {
    services.metrics().redirected(reason);
    services
        .blocking()
        .execute(
            () -> {
              if (!callControl.redirectToFallback(callSid)) {
                twilio.close();
              }
            });
  }
}
