package com.masseurmatch.waitlist.sim.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.TimeUnit;

/** What {@code bin/bench ivr} gives the IVR as its database. */
final class PostgrestStandIn {

  private PostgrestStandIn() {}

  /**
   * A stand-in for Supabase's PostgREST on the generator's CPU, so the IVR writes its {@code calls}
   * rows over HTTP as deployed (the embedded SQLite default serialises writes on disk and would
   * measure the disk). It accepts every write and answers reads with no rows.
   */
  static HttpServer start(Vertx vertx) throws Exception {
    return vertx
        .createHttpServer()
        .requestHandler(
            request ->
                request
                    .body()
                    .onSuccess(
                        body -> {
                          var response =
                              request.response().putHeader("Content-Type", "application/json");
                          switch (request.method().name()) {
                            case "POST" -> {
                              String text = body.toString().trim();
                              response
                                  .setStatusCode(201)
                                  .end(text.startsWith("[") ? text : "[" + text + "]");
                            }
                            case "PATCH", "DELETE" -> response.setStatusCode(204).end();
                            case "HEAD" -> response.setStatusCode(200).end();
                            default -> response.setStatusCode(200).end("[]");
                          }
                        }))
        .listen(0, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }
}
