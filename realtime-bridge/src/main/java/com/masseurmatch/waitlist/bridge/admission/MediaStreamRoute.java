package com.masseurmatch.waitlist.bridge.admission;

import com.masseurmatch.waitlist.model.stream.StreamContract;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Serves Twilio's bidirectional Media Stream, {@code wss://.../media-stream}, on the HTTP server's
 * router: each upgraded socket is handed to {@link StreamAdmission} on its own event loop. Plain
 * Vert.x WebSockets: each text message reaches the call on the socket's event loop with no task in
 * between, a peer sending faster than frames are handled is slowed by TCP instead of queued in
 * memory, and the socket's write queue tells when the peer is behind.
 */
@Singleton
public class MediaStreamRoute {

  private final StreamAdmission admission;

  MediaStreamRoute(StreamAdmission admission) {
    this.admission = admission;
  }

  void route(@Observes Router router) {
    router
        .route(StreamContract.MEDIA_STREAM_PATH)
        .handler(
            context ->
                context
                    .request()
                    .toWebSocket()
                    .onSuccess(admission::accept)
                    .onFailure(
                        e -> {
                          if (!context.response().ended()) {
                            context.response().setStatusCode(400).end();
                          }
                        }));
  }
}
