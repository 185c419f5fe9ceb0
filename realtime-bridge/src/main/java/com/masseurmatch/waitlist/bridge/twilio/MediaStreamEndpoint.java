package com.masseurmatch.waitlist.bridge.twilio;

import com.masseurmatch.waitlist.bridge.session.MediaStreamHandler;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;

/** Twilio's bidirectional Media Stream: {@code wss://.../media-stream}. Only delegates. */
@WebSocket(path = "/media-stream")
public class MediaStreamEndpoint {

  private final MediaStreamHandler handler;

  MediaStreamEndpoint(MediaStreamHandler handler) {
    this.handler = handler;
  }

  @OnOpen
  @NonBlocking
  void onOpen(WebSocketConnection connection) {
    handler.onOpen(connection);
  }

  @OnTextMessage
  @NonBlocking
  void onText(WebSocketConnection connection, String text) {
    handler.onText(connection, text);
  }

  @OnClose
  @NonBlocking
  void onClose(WebSocketConnection connection) {
    handler.onClose(connection);
  }

  @OnError
  @NonBlocking
  void onError(WebSocketConnection connection, Throwable error) {
    handler.onClose(connection);
  }
}
