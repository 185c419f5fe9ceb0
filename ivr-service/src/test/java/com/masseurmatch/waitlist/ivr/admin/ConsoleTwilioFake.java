package com.masseurmatch.waitlist.ivr.admin;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Twilio's REST API where the console fetches recordings, on a loopback port: {@code GET
 * /2010-04-01/Accounts/{sid}/Recordings/{sid}.mp3}, answering Twilio's 404 JSON for an unknown
 * recording or account, and remembering each request's path and {@code Authorization} header.
 */
public class ConsoleTwilioFake implements QuarkusTestResourceLifecycleManager {

  public static final String ACCOUNT = "AC00000000000000000000000000000001";
  private static final String PREFIX = "/2010-04-01/Accounts/" + ACCOUNT + "/Recordings/";

  private final Map<String, byte[]> recordings = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.add(path + " " + exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] audio =
              path.startsWith(PREFIX) && path.endsWith(".mp3")
                  ? recordings.get(path.substring(PREFIX.length(), path.length() - 4))
                  : null;
          byte[] body =
              audio != null
                  ? audio
                  : "{\"code\": 20404, \"message\": \"The requested resource was not found\", \"status\": 404}"
                      .getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .add("Content-Type", audio != null ? "audio/mpeg" : "application/json");
          exchange.sendResponseHeaders(audio != null ? 200 : 404, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return Map.of(
        "twilio.account-sid",
        ACCOUNT,
        "twilio.api-base-url",
        "http://127.0.0.1:" + server.getAddress().getPort(),
        "admin.console.recording-timeout",
        "10s");
  }

  /** Makes a recording available. */
  public void recording(String recordingSid, byte[] mp3) {
    recordings.put(recordingSid, mp3);
  }

  /** Each request so far: its path and its Authorization header. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(
        this,
        new TestInjector.AnnotatedAndMatchesType(InjectTwilio.class, ConsoleTwilioFake.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** Marks the field that receives this fake. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface InjectTwilio {}
}
