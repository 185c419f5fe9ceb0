package com.masseurmatch.waitlist.bridge.session;

import io.netty.util.concurrent.FutureListener;
import io.quarkus.websockets.next.Connection;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes text frames to one socket of a call and counts those not yet written. Frames go straight
 * to the Vert.x WebSocket: the OpenAI socket is one, and under the Twilio connection it is reached
 * through {@link SocketAccess} ({@link Connection#sendText(String)} builds a Mutiny pipeline and
 * captures the thread context for every frame).
 *
 * <p>On the Twilio side (the bridge is the server) frames are encoded here and handed to the
 * connection as bytes, so that frames written together, such as audio and the mark after it, cost
 * one socket write instead of one each: on loopback the write is the largest part of the bridge's
 * CPU. They go through the connection's own write path, in order with the socket's other writes.
 */
final class FrameWriter {

  private final Connection connection;
  private final WebSocketBase socket;
  private final ConnectionBase frames;
  private final Handler<Throwable> onFailure;
  private final AtomicInteger pending = new AtomicInteger();
  private final Handler<AsyncResult<Void>> written;
  private final FutureListener<Void> writtenOne;

  /** The Twilio side: a websockets-next server connection. */
  FrameWriter(WebSocketConnection connection, Handler<Throwable> onFailure) {
    this(connection, SocketAccess.of(connection), onFailure);
  }

  /** The OpenAI side: a Vert.x client socket. */
  FrameWriter(WebSocketBase socket, Handler<Throwable> onFailure) {
    this(null, socket, onFailure);
  }

  private FrameWriter(Connection connection, WebSocketBase socket, Handler<Throwable> onFailure) {
    this.connection = connection;
    this.socket = socket;
    this.frames = connection != null ? SocketAccess.frameConnection(socket) : null;
    this.onFailure = onFailure;
    this.written = result -> settle(1, result.failed() ? result.cause() : null);
    this.writtenOne = written(1);
  }

  /** Frames handed over but not yet written to the socket. */
  int pending() {
    return pending.get();
  }

  void write(String text) {
    write(List.of(text));
  }

  /** Frames that belong together, in order: in one socket write where the side allows it. */
  void write(List<String> texts) {
    pending.addAndGet(texts.size());
    if (frames != null
        && writeEncoded(texts, texts.size() == 1 ? writtenOne : written(texts.size()))) {
      return;
    }
    for (String text : texts) {
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

  /**
   * Hands the frames to the connection unless the socket is closing (then the socket's own write
   * reports the failure). Under the connection's lock, as Vert.x writes a frame or starts a close,
   * so no frame can follow a close frame.
   */
  private boolean writeEncoded(List<String> texts, FutureListener<Void> done) {
    synchronized (frames) {
      if (socket.isClosed()) {
        return false;
      }
      frames.writeToChannel(
          ServerTextFrames.encode(frames.channelHandlerContext().alloc(), texts), done);
      return true;
    }
  }

  private FutureListener<Void> written(int count) {
    return future -> settle(count, future.isSuccess() ? null : future.cause());
  }

  /** {@code count} frames left the queue, written or not ({@code failure}). */
  private void settle(int count, Throwable failure) {
    pending.addAndGet(-count);
    if (failure != null) {
      onFailure.handle(failure);
    }
  }
}
