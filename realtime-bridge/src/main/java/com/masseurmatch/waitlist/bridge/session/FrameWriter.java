package com.masseurmatch.waitlist.bridge.session;

import io.quarkus.websockets.next.Connection;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.http.WebSocketBase;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes text frames to one socket of a call and counts those not yet written. Frames go straight
 * to the connection's Vert.x WebSocket ({@link SocketAccess}); {@link Connection#sendText(String)}
 * builds a Mutiny pipeline and captures the thread context for every frame.
 */
final class FrameWriter {

  private final Connection connection;
  private final WebSocketBase socket;
  private final AtomicInteger pending = new AtomicInteger();
  private final Handler<AsyncResult<Void>> written;

  FrameWriter(Connection connection, Handler<Throwable> onFailure) {
    this.connection = connection;
    this.socket = SocketAccess.of(connection);
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
}
