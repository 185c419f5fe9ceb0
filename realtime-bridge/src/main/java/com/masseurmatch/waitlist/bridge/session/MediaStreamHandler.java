package com.masseurmatch.waitlist.bridge.session;

import com.masseurmatch.waitlist.bridge.openai.RealtimeConnector;
import com.masseurmatch.waitlist.bridge.twilio.MalformedFrameException;
import com.masseurmatch.waitlist.bridge.twilio.TwilioMessage;
import com.masseurmatch.waitlist.model.token.StreamTokens;
import com.masseurmatch.waitlist.model.token.TokenCheck;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Receives every Twilio frame. Until a stream has a call session it accepts only {@code connected}
 * and a {@code start} whose token verifies for its call SID; anything else before that never
 * reaches OpenAI. Afterwards frames go to the call's {@link CallSession}.
 */
@ApplicationScoped
public class MediaStreamHandler {

  /** WebSocket close code 1008: policy violation. */
  static final int POLICY_VIOLATION = 1008;

  private final CallRegistry registry;
  private final CallServices services;
  private final StreamTokens tokens;
  private final RealtimeConnector connector;

  MediaStreamHandler(
      CallRegistry registry,
      CallServices services,
      StreamTokens tokens,
      RealtimeConnector connector) {
    this.registry = registry;
    this.services = services;
    this.tokens = tokens;
    this.connector = connector;
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
    if (message instanceof TwilioMessage.Start start) {
      onStart(twilio, start);
    }
  }

  public void onClose(WebSocketConnection twilio) {
    CallSession session = registry.find(twilio);
    if (session != null) {
      session.onTwilioClosed();
    }
  }

  private void onStart(WebSocketConnection twilio, TwilioMessage.Start start) {
    TokenCheck check = tokens.verify(start.customParameters().get("token"), start.callSid());
    if (check != TokenCheck.VALID) {
      services.metrics().streamRejected("token_" + check.name().toLowerCase());
      Log.warnf("call %s: stream refused, token %s", start.callSid(), check);
      twilio
          .close(new CloseReason(POLICY_VIOLATION, "invalid stream token"))
          .subscribe()
          .with(ok -> {}, e -> {});
      return;
    }
    if (!connector.configured()) {
      services.metrics().streamRejected("no_openai_key");
      Log.errorf("call %s: OPENAI_API_KEY is not set; closing the stream", start.callSid());
      twilio.close().subscribe().with(ok -> {}, e -> {});
      return;
    }
    registry.open(twilio, start);
  }
}
