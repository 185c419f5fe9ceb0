package com.masseurmatch.waitlist.bridge.session;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.Connection;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.http.WebSocketBase;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes text frames to one socket of a call and counts those not yet written. Media frames are
 * written straight to the connection's Vert.x WebSocket: going through {@link
 * Connection#sendText(String)} builds a Mutiny pipeline and captures the thread context for every
 * frame, which the benchmark showed as a large share of the bridge's CPU at 50 frames a second per
 * direction. websockets-next keeps that socket behind a package-private accessor, so it is looked
 * up once by reflection; if that ever fails the writer falls back to {@code sendText}.
 */
final class FrameWriter {

  private static final Method WEB_SOCKET = webSocketAccessor();

  private final Connection connection;
  private final WebSocketBase socket;
  private final AtomicInteger pending = new AtomicInteger();
  private final Handler<AsyncResult<Void>> written;

  FrameWriter(Connection connection, Handler<Throwable> onFailure) {
    this.connection = connection;
    this.socket = webSocketOf(connection);
    this.written =
        result -> {
          pending.decrementAndGet();
          if (result.failed()) {
            onFailure.handle(result.cause());
          }
        };
  }

  /** Frames handed over but not yet written to the socket. */
  int pending() {
    return pending.get();
  }

  boolean isOpen() {
    return socket != null ? !socket.isClosed() : connection.isOpen();
  }

  void write(String text) {
    pending.incrementAndGet();
    if (socket != null) {
      socket.writeTextMessage(text, written);
    } else {
      connection
          .sendText(text)
          .subscribe()
          .with(
              ok -> written.handle(io.vertx.core.Future.succeededFuture()),
              e -> written.handle(io.vertx.core.Future.failedFuture(e)));
    }
  }

  private static WebSocketBase webSocketOf(Connection connection) {
    if (WEB_SOCKET == null || !WEB_SOCKET.getDeclaringClass().isInstance(connection)) {
      return null;
    }
    try {
      return (WebSocketBase) WEB_SOCKET.invoke(connection);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Method webSocketAccessor() {
    try {
      Method method =
          Class.forName("io.quarkus.websockets.next.runtime.WebSocketConnectionBase")
              .getDeclaredMethod("webSocket");
      method.setAccessible(true);
      return method;
    } catch (ReflectiveOperationException | RuntimeException e) {
      Log.warnf("writing WebSocket frames through sendText: %s", e.toString());
      return null;
    }
  }
}
