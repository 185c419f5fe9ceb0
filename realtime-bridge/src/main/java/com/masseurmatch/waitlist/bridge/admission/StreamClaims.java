package com.masseurmatch.waitlist.bridge.admission;

import com.masseurmatch.waitlist.model.token.StreamTokens;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a stream token good for one stream in this process: a call SID has at most one live stream,
 * and a token that opened a stream is refused afterwards, until it has expired anyway. Another
 * replica does not know this process' claims; the token's short lifetime ({@code STREAM_TOKEN_TTL})
 * bounds a replay there.
 */
@Singleton
public class StreamClaims {

  /** Past this many remembered tokens, the expired ones are forgotten. */
  static final int PURGE_ABOVE = 1_000;

  /** The verdict on a verified token. */
  public enum Claim {
    GRANTED,
    CALL_ALREADY_STREAMING,
    TOKEN_ALREADY_USED
  }

  private final Clock clock;
  private final Set<String> live = ConcurrentHashMap.newKeySet();
  // token -> its expiry in epoch seconds
  private final Map<String, Long> used = new ConcurrentHashMap<>();

  StreamClaims(Clock clock) {
    this.clock = clock;
  }

  /** Claims a verified token for its call; a granted claim ends with {@link #release}. */
  public Claim claim(String callSid, String token) {
    if (used.size() > PURGE_ABOVE) {
      long now = clock.instant().getEpochSecond();
      used.values().removeIf(expiry -> expiry < now);
    }
    if (used.putIfAbsent(token, StreamTokens.expiryOf(token)) != null) {
      return Claim.TOKEN_ALREADY_USED;
    }
    if (!live.add(callSid)) {
      return Claim.CALL_ALREADY_STREAMING;
    }
    return Claim.GRANTED;
  }

  /** The call's stream has ended: another, with a new token, may start. */
  public void release(String callSid) {
    live.remove(callSid);
  }

  /** Calls with a live stream. */
  public int live() {
    return live.size();
  }
}
