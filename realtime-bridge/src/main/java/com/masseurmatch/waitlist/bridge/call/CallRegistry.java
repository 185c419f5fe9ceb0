package com.masseurmatch.waitlist.bridge.call;

import com.masseurmatch.waitlist.bridge.twilio.TwilioMessage;
import io.vertx.core.http.ServerWebSocket;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The calls in progress. */
@Singleton
public class CallRegistry {

  private final Set<CallSession> calls = ConcurrentHashMap.newKeySet();
  private final CallServices services;

  CallRegistry(CallServices services) {
    this.services = services;
    services.metrics.activeCalls(calls::size);
  }

  /**
   * Creates the call of a verified stream and starts its OpenAI link; on the socket's event loop,
   * which the call keeps. The caller routes the socket's frames and close to the returned call.
   */
  public CallSession open(ServerWebSocket twilio, TwilioMessage.Start start) {
    return open(twilio, start, services);
  }

  /** The same with other services, such as the warm-up's untraced ones. */
  public CallSession open(
      ServerWebSocket twilio, TwilioMessage.Start start, CallServices services) {
    CallSession session = new CallSession(services, this, twilio, start);
    calls.add(session);
    session.connect();
    return session;
  }

  void remove(CallSession session) {
    calls.remove(session);
  }

  public int activeCalls() {
    return calls.size();
  }

  public Collection<CallSession> sessions() {
    return List.copyOf(calls);
  }
}
