package com.masseurmatch.waitlist.bridge.frame;

import io.quarkus.logging.Log;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.http.WebSocketBase;

/**
 * Writes text frames to one socket of a call, on the socket's event loop. Audio is optional: while
 * the socket's write queue is full (the peer is not reading fast enough) it is dropped and the
 * caller counts it, so a slow peer never makes memory grow without bound. Control frames (marks,
 * {@code clear}, session events) are always written.
 */
public final class FrameWriter {

  /**
   * Bytes a socket may hold unwritten before audio is dropped: about a second of u-law audio as
   * base64 in JSON. A call that far behind is already broken; the cap keeps an overloaded bridge's
   * memory bounded.
   */
  public static final int WRITE_QUEUE_BYTES = 16 * 1024;

  private final WebSocketBase socket;
  private final Handler<AsyncResult<Void>> written;

  /** {@code side} names the socket in the debug log of a failed write. */
  public FrameWriter(WebSocketBase socket, String side) {
    this.socket = socket;
    socket.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    this.written =
        result -> {
          if (result.failed()) {
            Log.debugf("send to %s failed: %s", side, result.cause().getMessage());
          }
        };
  }

  /** Whether audio can be written now; false while the peer is behind. */
  public boolean writable() {
    return !socket.writeQueueFull();
  }

  /** A frame; a socket that has closed reports the failed write (logged at debug). */
  public void write(String text) {
    socket.writeTextMessage(text, written);
  }

  /** Closes the socket unless it is closed already. */
  public void close() {
    if (!socket.isClosed()) {
      socket.close();
    }
  }

  /** Closes the socket with a status code and reason unless it is closed already. */
  public void close(short code, String reason) {
    if (!socket.isClosed()) {
      socket.close(code, reason);
    }
  }

  public boolean isClosed() {
    return socket.isClosed();
  }
}
