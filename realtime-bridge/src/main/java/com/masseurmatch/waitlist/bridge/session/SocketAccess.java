package com.masseurmatch.waitlist.bridge.session;

import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionEncoder;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.Connection;
import io.vertx.core.Handler;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.impl.WebSocketInternal;
import io.vertx.core.net.impl.ConnectionBase;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * The Vert.x WebSocket under a websockets-next connection, for the per-frame path. websockets-next
 * hands every received message to the endpoint through a task on a new duplicated context, and
 * sends through a Mutiny pipeline: the benchmark showed both as a large share of the bridge's CPU
 * at 50 frames a second per direction, and under overload the queued tasks grew without bound until
 * the heap ran out (docs/benchmarks.md). The socket is behind a package-private accessor, so it is
 * looked up by reflection; when that fails, everything keeps working through websockets-next.
 */
final class SocketAccess {

  private static final Method WEB_SOCKET = accessor();
  private static final Field WRAPPED = wrappedSocket();

  private SocketAccess() {}

  /** The connection's Vert.x socket, or null when it cannot be reached. */
  static WebSocketBase of(Connection connection) {
    if (WEB_SOCKET == null || !WEB_SOCKET.getDeclaringClass().isInstance(connection)) {
      return null;
    }
    try {
      return (WebSocketBase) WEB_SOCKET.invoke(connection);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * From now on text messages go straight to {@code handler} on the socket's event loop, in order,
   * and a peer sending faster than they are handled is slowed by TCP instead of queued in memory.
   * Must run on the connection's event loop after websockets-next installed its own handler (in
   * {@code @OnOpen}, or once connected). Returns false when messages keep going through
   * websockets-next.
   */
  static boolean receiveTextDirectly(Connection connection, Handler<String> handler) {
    WebSocketBase socket = of(connection);
    if (socket == null) {
      return false;
    }
    socket.textMessageHandler(handler);
    return true;
  }

  /**
   * The connection under a server socket, for frames encoded by {@link ServerTextFrames} and
   * written through the connection's write path (in order with the socket's own writes). Null when
   * the socket is not Vert.x's, or when the handshake agreed on an extension such as per-message
   * compression, which must see every frame.
   */
  static ConnectionBase frameConnection(WebSocketBase socket) {
    if (!(unwrap(socket) instanceof WebSocketInternal internal)
        || !(internal.connection() instanceof ConnectionBase connection)) {
      return null;
    }
    for (Map.Entry<String, ChannelHandler> handler :
        connection.channelHandlerContext().pipeline()) {
      if (handler.getValue() instanceof WebSocketExtensionEncoder) {
        return null;
      }
    }
    return connection;
  }

  /** Vert.x Web wraps a server socket (for the host and scheme a proxy reported) in its own. */
  private static WebSocketBase unwrap(WebSocketBase socket) {
    if (WRAPPED == null || !WRAPPED.getDeclaringClass().isInstance(socket)) {
      return socket;
    }
    try {
      return (WebSocketBase) WRAPPED.get(socket);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Field wrappedSocket() {
    try {
      Field field =
          Class.forName("io.vertx.ext.web.impl.ServerWebSocketWrapper")
              .getDeclaredField("delegate");
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      Log.warnf("Twilio frames are written one at a time: %s", e.toString());
      return null;
    }
  }

  private static Method accessor() {
    try {
      Method method =
          Class.forName("io.quarkus.websockets.next.runtime.WebSocketConnectionBase")
              .getDeclaredMethod("webSocket");
      method.setAccessible(true);
      return method;
    } catch (ReflectiveOperationException | RuntimeException e) {
      Log.warnf("WebSocket frames go through websockets-next's dispatch: %s", e.toString());
      return null;
    }
  }
}
