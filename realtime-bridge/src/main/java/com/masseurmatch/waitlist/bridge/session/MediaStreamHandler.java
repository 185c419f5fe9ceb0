package com.masseurmatch.waitlist.bridge.session;

import com.masseurmatch.waitlist.bridge.openai.RealtimeConnector;
import com.masseurmatch.waitlist.bridge.twilio.MalformedFrameException;
import com.masseurmatch.waitlist.bridge.twilio.TwilioCallControl;
import com.masseurmatch.waitlist.bridge.twilio.TwilioMessage;
import com.masseurmatch.waitlist.model.token.StreamTokens;
import com.masseurmatch.waitlist.model.token.TokenCheck;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives every Twilio frame. Until a stream has a call session it accepts only {@code connected}
 * and a {@code start} whose token verifies for its call SID, within the start timeout and under a
 * cap on such waiting sockets; anything else never reaches OpenAI. A verified stream that arrives
 * while draining or at the call cap is sent to the IVR's fallback. Afterwards frames go to the
 * call's {@link CallSession}.
 */
@Singleton
public class MediaStreamHandler {

  /** WebSocket close code 1008: policy violation. */
  static final int POLICY_VIOLATION = 1008;

  private final CallRegistry registry;
  private final CallServices services;
  private final StreamTokens tokens;
  private final RealtimeConnector connector;
  private final BridgeGate gate;
  private final TwilioCallControl callControl;
  private final BridgeWarmup warmup;
  private final int maxWaiting;
  private final AtomicLong evictions = new AtomicLong();
  // sockets without a valid start yet, oldest first
  private final LinkedHashMap<String, Waiting> waiting = new LinkedHashMap<>();

  MediaStreamHandler(
      CallRegistry registry,
      CallServices services,
      StreamTokens tokens,
      RealtimeConnector connector,
      BridgeGate gate,
      TwilioCallControl callControl,
      BridgeWarmup warmup) {
    this.registry = registry;
    this.services = services;
    this.tokens = tokens;
    this.connector = connector;
    this.gate = gate;
    this.callControl = callControl;
    this.warmup = warmup;
    this.maxWaiting = services.config.maxUnauthenticated();
  }

  /**
   * A new socket waits for its start. Past the cap the oldest waiting socket is closed: a flood of
   * idle sockets cannot lock out a real call, whose start arrives within milliseconds.
   */
  public void onOpen(WebSocketConnection twilio) {
    SocketAccess.receiveTextDirectly(twilio, text -> onText(twilio, text));
    long timer =
        services.vertx.setTimer(
            services.config.startTimeout().toMillis(),
            id -> {
              if (leaveWaiting(twilio.id()) != null) {
                services.metrics().streamRejected("no_start");
                close(twilio, "no start in time");
              }
            });
    Waiting evicted = null;
    synchronized (waiting) {
      if (waiting.size() >= maxWaiting) {
        String oldest = waiting.keySet().iterator().next();
        evicted = waiting.remove(oldest);
      }
      waiting.put(twilio.id(), new Waiting(twilio, timer));
    }
    if (evicted != null) {
      long count = evictions.incrementAndGet();
      if (count % 100 == 1) {
        Log.warnf(
            "%d waiting for start: closed the oldest socket without a start (%d so far)",
            maxWaiting, count);
      }
      services.vertx.cancelTimer(evicted.timer());
      services.metrics().streamRejected("too_many_unauthenticated");
      close(evicted.connection(), "too many unauthenticated streams");
    }
  }

  /** Sockets waiting for their start. */
  public int waitingForStart() {
    synchronized (waiting) {
      return waiting.size();
    }
  }

  public void onText(WebSocketConnection twilio, String text) {
    CallSession session = registry.find(twilio);
    if (session != null) {
      session.onTwilioText(text);
      return;
    }
    TwilioMessage message;
    try {
      message = services.twilioCodec().decode(text);
    } catch (MalformedFrameException e) {
      services.metrics().malformed("twilio");
      return;
    }
    if (message instanceof TwilioMessage.Start start && authenticated(twilio)) {
      onStart(twilio, start);
    }
  }

  public void onClose(WebSocketConnection twilio) {
    authenticated(twilio);
    CallSession session = registry.find(twilio);
    if (session != null) {
      session.onTwilioClosed();
    }
  }

  /** Leaves the waiting set; false when the socket was not waiting (already handled). */
  private boolean authenticated(WebSocketConnection twilio) {
    Waiting left = leaveWaiting(twilio.id());
    if (left == null) {
      return false;
    }
    services.vertx.cancelTimer(left.timer());
    return true;
  }

  private Waiting leaveWaiting(String id) {
    synchronized (waiting) {
      return waiting.remove(id);
    }
  }

  private record Waiting(WebSocketConnection connection, long timer) {}

  private void onStart(WebSocketConnection twilio, TwilioMessage.Start start) {
    TokenCheck check = tokens.verify(start.customParameters().get("token"), start.callSid());
    if (check != TokenCheck.VALID) {
      services.metrics().streamRejected("token_" + check.name().toLowerCase());
      Log.warnf("call %s: stream refused, token %s", start.callSid(), check);
      close(twilio, "invalid stream token");
      return;
    }
    CallServices synthetic = warmup.servicesFor(start);
    if (synthetic != null) {
      receiveInSession(twilio, registry.open(twilio, start, synthetic));
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
    receiveInSession(twilio, registry.open(twilio, start));
  }

  /** From now on the stream's frames go straight to its session, without a look-up per frame. */
  private static void receiveInSession(WebSocketConnection twilio, CallSession session) {
    SocketAccess.receiveTextDirectly(twilio, session::onTwilioText);
  }

  /**
   * Redirects the live call to the IVR's fallback; if that fails, closing the stream makes Twilio
   * continue with the {@code <Connect>} action, which also ends in the fallback.
   */
  private void sendToFallback(WebSocketConnection twilio, String callSid, String reason) {
    services.metrics().redirected(reason);
    services.blocking.execute(
        () -> {
          if (!callControl.redirectToFallback(callSid)) {
            twilio.close().subscribe().with(ok -> {}, e -> {});
          }
        });
  }

  private static void close(WebSocketConnection twilio, String reason) {
    twilio.close(new CloseReason(POLICY_VIOLATION, reason)).subscribe().with(ok -> {}, e -> {});
  }
}
