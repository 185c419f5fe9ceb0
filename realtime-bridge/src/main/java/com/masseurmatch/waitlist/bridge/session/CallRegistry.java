package com.masseurmatch.waitlist.bridge.session;

import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The calls in progress, by Twilio connection. */
@Singleton
public class CallRegistry {

  private final ConcurrentHashMap<String, CallSession> byConnection = new ConcurrentHashMap<>();
  private final CallServices services;

  CallRegistry(CallServices services) {
    this.services = services;
    services.metrics.activeCalls(byConnection::size);
  }

  /** Creates the session for a verified stream and starts its OpenAI connection. */
  CallSession open(
      WebSocketConnection twilio,
      com.masseurmatch.waitlist.bridge.twilio.TwilioMessage.Start start) {
    return open(twilio, start, services);
  }

  /** The same with other services: the warm-up's synthetic calls. */
  CallSession open(
      WebSocketConnection twilio,
      com.masseurmatch.waitlist.bridge.twilio.TwilioMessage.Start start,
      CallServices services) {
    CallSession session = new CallSession(services, this, twilio, start);
    byConnection.put(twilio.id(), session);
    session.connect();
    return session;
  }

  CallSession find(WebSocketConnection twilio) {
    return byConnection.get(twilio.id());
  }

  void remove(CallSession session) {
    byConnection.values().remove(session);
  }

  public int activeCalls() {
    return byConnection.size();
  }

  public Collection<CallSession> sessions() {
    return List.copyOf(byConnection.values());
  }
}
