package com.masseurmatch.waitlist.bridge.openai;

import com.masseurmatch.waitlist.bridge.frame.FrameWriter;
import com.masseurmatch.waitlist.bridge.frame.MalformedFrameException;
import com.masseurmatch.waitlist.bridge.metrics.BridgeMetrics;
import com.masseurmatch.waitlist.model.logging.Masking;
import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import java.time.Duration;

/**
 * One call's link to OpenAI Realtime: opens the socket, retries a failed attempt, and hands the
 * call decoded events once the session has started. A session starts in two steps: on {@code
 * session.created} the call sends its settings ({@link #configure}), and only the {@code
 * session.updated} that shows u-law audio both ways starts it; until then the session still has
 * OpenAI's defaults (24 kHz PCM), so no audio or reply may go out. Each attempt gets the
 * session-start timeout for both steps. An {@code error} naming the settings' event, or a
 * confirmation with other audio formats, is a refusal: the same settings would be refused again, so
 * the call is given up at once. Every attempt is tagged: a socket of an attempt that was given up,
 * or that opens after the call ended, is closed at once and never becomes the call's socket. Runs
 * on the call's event loop (the context that called {@link #connect()}); not thread-safe.
 */
public final class OpenAiLink {

  /** What the call hears from its link. */
  public interface Listener {
    /**
     * {@code session.created} arrived: send the session's settings with {@link
     * OpenAiLink#configure}.
     */
    void onSessionCreated();

    /** {@code session.updated} confirmed the settings: the call's audio and events may flow. */
    void onSessionStarted();

    /** An event after the session started. */
    void onEvent(RealtimeServerEvent event);

    /** A frame that could not be decoded; the call goes on. */
    void onMalformed(MalformedFrameException e);

    /**
     * No session could be set up: every attempt failed ({@code openai_unavailable}), or OpenAI
     * refused the settings ({@code openai_session_refused}).
     */
    void onUnavailable(String reason);

    /** The session ended under the call ({@code reason} as a metric tag). */
    void onLost(String reason);
  }

  /** Pause before the next attempt. */
  private static final long RETRY_DELAY_MS = 250;

  private final Vertx vertx;
  private RealtimeConnector connector;
  private final RealtimeCodec codec;
  private final BridgeMetrics metrics;
  private final String callSid;
  private final int maxAttempts;
  private final long sessionStartMs;
  private final Listener listener;

  private Attempt current;
  private int attempts;
  private boolean started;
  private boolean closed;

  /** Called for each call by the call's session. */
  public OpenAiLink(
      Vertx vertx,
      RealtimeConnector connector,
      RealtimeCodec codec,
      BridgeMetrics metrics,
      String callSid,
      int maxAttempts,
      Duration sessionStartTimeout,
      Listener listener) {
    this.vertx = vertx;
    this.connector = connector;
    this.codec = codec;
    this.metrics = metrics;
    this.callSid = callSid;
    this.maxAttempts = maxAttempts;
    this.sessionStartMs = sessionStartTimeout.toMillis();
    this.listener = listener;
  }

  /** Starts the first attempt through {@code chosen} (the call's model); retries use it too. */
  public void connect(RealtimeConnector chosen) {
    connector = chosen;
    connect();
  }

  /** Starts the first attempt. */
  public void connect() {
    Attempt attempt = new Attempt(++attempts);
    current = attempt;
    attempt.timer =
        vertx.setTimer(
            sessionStartMs,
            id ->
                fail(
                    attempt,
                    attempt.created
                        ? "no session.updated for the settings"
                        : "no session.created"));
    connector
        .connect(attempt)
        .onSuccess(socket -> attempt.opened(socket))
        .onFailure(e -> fail(attempt, e.getMessage()));
  }

  /** Whether audio can go out now: the session started and the socket keeps up. */
  public boolean writable() {
    return started && current != null && current.out != null && current.out.writable();
  }

  public boolean started() {
    return started;
  }

  /** A client event for the current socket; dropped when there is none. */
  public void send(String event) {
    if (current != null && current.out != null && !closed) {
      current.out.write(event);
    }
  }

  /**
   * Sends the session's settings ({@code session.update} written by {@link
   * RealtimeCodec#sessionUpdate}) once {@code session.created} has come; the session starts when
   * OpenAI confirms them.
   */
  public void configure(String sessionUpdate) {
    if (current != null && current.out != null && !closed && !started) {
      current.configuring = true;
      current.out.write(sessionUpdate);
    }
  }

  /** Closes the socket and stops every timer; no callback reaches the listener afterwards. */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (current != null) {
      current.abandon();
    }
  }

  private void fail(Attempt attempt, String why) {
    if (closed || attempt != current || started) {
      return;
    }
    Log.warnf("call %s: OpenAI Realtime attempt %d failed: %s", callSid, attempt.number, why);
    attempt.abandon();
    current = null;
    if (attempts < maxAttempts) {
      vertx.setTimer(
          RETRY_DELAY_MS,
          id -> {
            if (!closed && current == null) {
              connect();
            }
          });
      return;
    }
    listener.onUnavailable("openai_unavailable");
  }

  /** OpenAI refused the call's settings: no retry, the same settings would be refused again. */
  private void refuse(Attempt attempt, String why) {
    if (closed || attempt != current || started) {
      return;
    }
    Log.errorf("call %s: OpenAI Realtime refused the session's settings: %s", callSid, why);
    attempt.abandon();
    current = null;
    listener.onUnavailable("openai_session_refused");
  }

  /** One connect attempt and, once opened, its socket. */
  private final class Attempt implements RealtimeConnector.Listener {
    private final int number;
    private final long began = System.nanoTime();
    private long timer = -1;
    private WebSocket socket;
    private FrameWriter out;
    private boolean abandoned;
    private boolean created;
    private boolean configuring;

    Attempt(int number) {
      this.number = number;
    }

    void opened(WebSocket socket) {
      if (abandoned || closed || this != current) {
        // late: the attempt was given up, or the call ended, while the socket was opening
        socket.close();
        return;
      }
      this.socket = socket;
      this.out = new FrameWriter(socket, "OpenAI");
      metrics.openAiConnected(Duration.ofNanos(System.nanoTime() - began));
    }

    void abandon() {
      abandoned = true;
      vertx.cancelTimer(timer);
      if (socket != null && !socket.isClosed()) {
        socket.close();
      }
    }

    @Override
    public void onText(WebSocket from, String text) {
      if (abandoned || closed || this != current) {
        from.close();
        return;
      }
      RealtimeServerEvent event;
      try {
        event = codec.decode(text);
      } catch (MalformedFrameException e) {
        listener.onMalformed(e);
        return;
      }
      if (event instanceof RealtimeServerEvent.Error error) {
        onError(error);
      } else if (event instanceof RealtimeServerEvent.SessionCreated) {
        if (!created) {
          created = true;
          listener.onSessionCreated();
        }
      } else if (event instanceof RealtimeServerEvent.SessionUpdated updated && !started) {
        onSessionUpdated(updated);
      } else if (started) {
        listener.onEvent(event);
      }
    }

    private void onSessionUpdated(RealtimeServerEvent.SessionUpdated updated) {
      if (!configuring) {
        return; // not an answer to this call's settings
      }
      if (updated.session() == null || !updated.session().pcmuBothWays()) {
        refuse(this, "session.updated without audio/pcmu both ways");
        return;
      }
      started = true;
      vertx.cancelTimer(timer);
      listener.onSessionStarted();
    }

    private void onError(RealtimeServerEvent.Error error) {
      String code = error.error() == null ? null : error.error().code();
      String message = error.error() == null ? "" : Masking.text(error.error().message());
      metrics.openAiError(code);
      Log.warnf("call %s: OpenAI error %s: %s", callSid, code, message);
      if (!started
          && error.error() != null
          && RealtimeCodec.SESSION_UPDATE_EVENT_ID.equals(error.error().eventId())) {
        refuse(this, code + ": " + message);
      } else if (!started) {
        fail(this, "error " + code + " before the session started");
      } else if ("session_expired".equals(code)) {
        listener.onLost("openai_session_expired");
      }
    }

    @Override
    public void onClose(WebSocket from, int code, String reason) {
      if (abandoned || closed || this != current) {
        return;
      }
      Log.warnf("call %s: OpenAI closed the socket (%d %s)", callSid, code, reason);
      if (!started) {
        fail(this, "socket closed before the session started");
      } else {
        listener.onLost("openai_closed");
      }
    }
  }
}
