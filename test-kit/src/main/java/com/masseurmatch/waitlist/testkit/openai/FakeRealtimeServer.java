package com.masseurmatch.waitlist.testkit.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An in-process stand-in for OpenAI's Realtime WebSocket on a loopback port, as strict as the
 * service where the bridge's use of it goes: GA dialect; {@code /v1/realtime?model=...} with a
 * bearer key, or Azure's {@code /openai/v1/realtime?model=...} with an {@code api-key} header (401
 * otherwise); each {@code session.update} judged against the GA session's shape and answered with
 * the session in effect or an {@code error} naming its {@code event_id}; barge-in as the server
 * does it; errors in OpenAI's shape for what the service rejects. Scriptable: replies are queued
 * ({@link #enqueue}), a hook may refuse a {@code session.update} the shape allows ({@link
 * #onSessionUpdate}), handshakes and confirmations may be refused, delayed or withheld, and each
 * session can be driven (caller speech, turns, raw events, close).
 */
public final class FakeRealtimeServer implements AutoCloseable {

  public static final String API_KEY = "sk-test-fake-realtime";

  /** OpenAI's GA path: the key as {@code Authorization: Bearer}. */
  public static final String OPENAI_PATH = "/v1/realtime";

  /** Azure OpenAI's GA path: the key as an {@code api-key} header (or a bearer token). */
  public static final String AZURE_PATH = "/openai/v1/realtime";

  private final Vertx vertx;
  private final boolean ownsVertx;
  private final boolean echo;
  private final AtomicLong echoed = new AtomicLong();
  private final ObjectMapper json = new ObjectMapper();
  private final List<FakeRealtimeSession> sessions = new CopyOnWriteArrayList<>();
  private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
  private final AtomicInteger handshakes = new AtomicInteger();
  private final Queue<Duration> delays = new ConcurrentLinkedQueue<>();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile long responseDoneDelayMs = 30;
  private volatile long acceptDelayMs;
  private volatile String lastQuery;
  private final AtomicInteger refuseNext = new AtomicInteger();
  private final AtomicInteger silentNext = new AtomicInteger();
  private final AtomicInteger unconfirmedNext = new AtomicInteger();
  private volatile Function<JsonNode, String> sessionUpdateHook = session -> null;
  private HttpServer server;

  /** A scripted server on its own Vert.x; {@link #start()} it. */
  public FakeRealtimeServer() {
    this(Vertx.vertx(), true, false);
  }

  private FakeRealtimeServer(Vertx vertx, boolean ownsVertx, boolean echo) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.echo = echo;
  }

  /**
   * The load benchmark's worst case, started on {@code port} (0: a free one) on the given Vert.x,
   * which the caller keeps: every {@code input_audio_buffer.append} comes straight back as a {@code
   * response.output_audio.delta} with the same audio, {@code session.update} is answered, and each
   * {@code response.create} gets a short greeting. No voice detection, no scripted replies; built
   * without a JSON tree per frame, so that the generator is not what the benchmark measures.
   */
  public static FakeRealtimeServer echo(Vertx vertx, int port) throws Exception {
    FakeRealtimeServer server = new FakeRealtimeServer(vertx, false, true);
    server.start(port);
    return server;
  }

  /** The same on a Vert.x of its own, one event loop on the native transport. */
  public static FakeRealtimeServer echo(int port) throws Exception {
    FakeRealtimeServer server =
        new FakeRealtimeServer(
            Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true)),
            true,
            true);
    server.start(port);
    return server;
  }

  /** Listens on a free loopback port; returns it. */
  public int start() throws Exception {
    return start(0);
  }

  /** Listens on 127.0.0.1:{@code port} (0: a free one); returns the port. */
  public int start(int port) throws Exception {
    server =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setHost("127.0.0.1")
                    .setPort(port)
                    .setMaxWebSocketMessageSize(16 * 1024 * 1024)
                    .setTcpNoDelay(true))
            .webSocketHandler(
                socket -> {
                  handshakes.incrementAndGet();
                  lastQuery = socket.query();
                  if (!OPENAI_PATH.equals(socket.path()) && !AZURE_PATH.equals(socket.path())
                      || model(socket.query()) == null) {
                    refused.incrementAndGet();
                    System.err.println("fake OpenAI: refused " + socket.uri());
                    socket.reject(404);
                    return;
                  }
                  if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    refused.incrementAndGet();
                    socket.reject(503);
                    return;
                  }
                  if (!authorized(socket)) {
                    refused.incrementAndGet();
                    socket.reject(401);
                    return;
                  }
                  Duration next = delays.poll();
                  long delay = next != null ? next.toMillis() : acceptDelayMs;
                  if (delay > 0) {
                    Promise<Integer> handshake = Promise.promise();
                    socket.setHandshake(handshake.future());
                    vertx.setTimer(delay, t -> handshake.complete(101));
                    handshake.future().onSuccess(status -> accept(socket));
                  } else {
                    accept(socket);
                  }
                });
    return server
        .listen()
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS)
        .actualPort();
  }

  /** OpenAI reads only the bearer token; Azure takes its {@code api-key} header or one. */
  private static boolean authorized(ServerWebSocket socket) {
    if (("Bearer " + API_KEY).equals(socket.headers().get("Authorization"))) {
      return true;
    }
    return AZURE_PATH.equals(socket.path()) && API_KEY.equals(socket.headers().get("api-key"));
  }

  /** The {@code model} query parameter: OpenAI's model, or Azure's deployment. */
  private static String model(String query) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("model=") && pair.length() > "model=".length()) {
        return URLDecoder.decode(pair.substring("model=".length()), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private void accept(ServerWebSocket socket) {
    if (echo) {
      new EchoSession(socket, handshakes.get(), echoed);
      return;
    }
    if (silentNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      // accepted, but the session never starts: no session.created
      socket.textMessageHandler(text -> {});
      return;
    }
    sessions.add(
        new FakeRealtimeSession(
            socket,
            json,
            model(socket.query()),
            this::nextReply,
            responseDoneDelayMs,
            sessionUpdateHook,
            unconfirmedNext.getAndUpdate(n -> Math.max(0, n - 1)) == 0));
  }

  private Reply nextReply() {
    Reply reply = replies.poll();
    return reply != null ? reply : Reply.speech("Hi, I'm Knotty from MasseurMatch!", 1600);
  }

  /** Queues what the next responses contain, in order; then a default greeting. */
  public void enqueue(Reply... next) {
    replies.addAll(List.of(next));
  }

  /**
   * Judges each {@code session.update}'s {@code session} before it is applied: the hook returns
   * null to accept it, or a message, sent back as an {@code invalid_request_error}.
   */
  public void onSessionUpdate(Function<JsonNode, String> hook) {
    sessionUpdateHook = hook;
  }

  /** The URL to give the bridge as {@code OPENAI_REALTIME_URL}, once started. */
  public String url() {
    return "ws://127.0.0.1:" + server.actualPort() + OPENAI_PATH;
  }

  /** The next {@code count} handshakes are refused with HTTP 503. */
  public void refuseNext(int count) {
    refuseNext.set(count);
  }

  /** The next {@code count} sockets open but never send {@code session.created}. */
  public void silentNext(int count) {
    silentNext.set(count);
  }

  /**
   * The next {@code count} sessions start ({@code session.created}) but never answer {@code
   * session.update}: neither {@code session.updated} nor an {@code error}.
   */
  public void unconfirmedNext(int count) {
    unconfirmedNext.set(count);
  }

  /** Delays the completion of the next handshakes, one delay each, in order. */
  public void delayNext(Duration... next) {
    delays.addAll(List.of(next));
  }

  /** Delays the WebSocket handshake's completion, as a slow OpenAI would. */
  public void acceptDelay(Duration delay) {
    acceptDelayMs = delay.toMillis();
  }

  public void responseDoneDelay(Duration delay) {
    responseDoneDelayMs = delay.toMillis();
  }

  public List<FakeRealtimeSession> sessions() {
    return List.copyOf(sessions);
  }

  public int port() {
    return server.actualPort();
  }

  /** Appends echoed as audio (echo servers). */
  public long echoed() {
    return echoed.get();
  }

  public int handshakes() {
    return handshakes.get();
  }

  public String lastQuery() {
    return lastQuery;
  }

  /** Forgets sessions and queued replies between tests. */
  public void reset() {
    sessions.clear();
    replies.clear();
    handshakes.set(0);
    refused.set(0);
    acceptDelayMs = 0;
    responseDoneDelayMs = 30;
    refuseNext.set(0);
    silentNext.set(0);
    unconfirmedNext.set(0);
    delays.clear();
    sessionUpdateHook = session -> null;
  }

  @Override
  public void close() {
    (ownsVertx ? vertx.close() : server.close())
        .toCompletionStage()
        .toCompletableFuture()
        .orTimeout(10, TimeUnit.SECONDS)
        .join();
  }
}
