package com.masseurmatch.waitlist.bridge.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.dns.AddressResolverOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.net.PfxOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code wss://} path as production takes it, against a TLS server on loopback: the JVM's trust
 * store (pointed at a certificate made here), the host name verified, SNI sent. The host names
 * resolve to 127.0.0.1 through this Vert.x instance's own hosts table.
 */
class RealtimeConnectorTlsTest {

  private static final String HOST = "api.realtime.test";
  private static final String OTHER_HOST = "other.realtime.test";
  private static final String PASSWORD = "changeit";
  private static final List<String> TRUST_PROPERTIES =
      List.of(
          "javax.net.ssl.trustStore",
          "javax.net.ssl.trustStorePassword",
          "javax.net.ssl.trustStoreType");

  private static Path dir;
  private static Vertx vertx;
  private static Map<String, String> savedProperties;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("realtime-tls");
    keyStore("api.p12", HOST);
    keyStore("other.p12", OTHER_HOST);
    Path trusted = dir.resolve("trust.p12");
    trust(dir.resolve("api.p12"), trusted);
    trust(dir.resolve("other.p12"), trusted);
    savedProperties = new HashMap<>();
    for (String name : TRUST_PROPERTIES) {
      savedProperties.put(name, System.getProperty(name));
    }
    System.setProperty("javax.net.ssl.trustStore", trusted.toString());
    System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    // Quarkus turns Vert.x' own resolver off JVM-wide, and with it the hosts table
    String noResolver = System.clearProperty("vertx.disableDnsResolver");
    vertx =
        Vertx.vertx(
            new VertxOptions()
                .setAddressResolverOptions(
                    new AddressResolverOptions()
                        .setHostsValue(
                            Buffer.buffer("127.0.0.1 " + HOST + " " + OTHER_HOST + "\n"))));
    if (noResolver != null) {
      System.setProperty("vertx.disableDnsResolver", noResolver);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    savedProperties.forEach(
        (name, value) -> {
          if (value == null) {
            System.clearProperty(name);
          } else {
            System.setProperty(name, value);
          }
        });
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void connectsOverTlsWithTheKeyTheModelAndTheHostNameSent() throws Exception {
    CompletableFuture<ServerWebSocket> accepted = new CompletableFuture<>();
    CompletableFuture<String> serverNames = new CompletableFuture<>();
    HttpServer server = server("api.p12", accepted, serverNames);
    RealtimeConnector connector = connector(server, HOST);
    CompletableFuture<String> received = new CompletableFuture<>();
    try {
      WebSocket socket =
          connector
              .connect(listener(received))
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      assertTrue(socket.isSsl());
      assertEquals("{\"type\":\"session.created\"}", received.get(10, TimeUnit.SECONDS));
      ServerWebSocket seen = accepted.get(10, TimeUnit.SECONDS);
      assertEquals("Bearer sk-test", seen.headers().get("Authorization"));
      assertEquals("/v1/realtime?model=gpt-realtime", seen.uri());
      assertEquals(HOST, serverNames.get(10, TimeUnit.SECONDS));
      socket.close();
    } finally {
      connector.close();
      server.close();
    }
  }

  @Test
  void aTrustedCertificateForAnotherHostIsRefused() throws Exception {
    CompletableFuture<ServerWebSocket> accepted = new CompletableFuture<>();
    // trusted, but issued to other.realtime.test
    HttpServer server = server("other.p12", accepted, new CompletableFuture<>());
    RealtimeConnector connector = connector(server, HOST);
    RealtimeConnector rightName = connector(server, OTHER_HOST);
    try {
      // the certificate itself is accepted under its own name
      rightName
          .connect(listener(new CompletableFuture<>()))
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS)
          .close();
      accepted.get(10, TimeUnit.SECONDS);

      ExecutionException failed =
          assertThrows(
              ExecutionException.class,
              () ->
                  connector
                      .connect(listener(new CompletableFuture<>()))
                      .toCompletionStage()
                      .toCompletableFuture()
                      .get(10, TimeUnit.SECONDS));
      Throwable cause = rootCause(failed);
      assertInstanceOf(CertificateException.class, cause);
      assertTrue(cause.getMessage().contains(HOST), cause.getMessage());
    } finally {
      rightName.close();
      connector.close();
      server.close();
    }
  }

  private static RealtimeConnector connector(HttpServer server, String host) {
    Duration timeout = Duration.ofSeconds(5);
    return new RealtimeConnector(
        vertx.createWebSocketClient(RealtimeConnector.options(timeout)),
        URI.create("wss://" + host + ":" + server.actualPort() + "/v1/realtime"),
        Optional.of("sk-test"),
        "gpt-realtime",
        timeout,
        true);
  }

  private static RealtimeConnector.Listener listener(CompletableFuture<String> received) {
    return new RealtimeConnector.Listener() {
      @Override
      public void onText(WebSocket socket, String text) {
        received.complete(text);
      }

      @Override
      public void onClose(WebSocket socket, int code, String reason) {}
    };
  }

  private static HttpServer server(
      String keyStore,
      CompletableFuture<ServerWebSocket> accepted,
      CompletableFuture<String> serverNames)
      throws Exception {
    return vertx
        .createHttpServer(
            new HttpServerOptions()
                .setSsl(true)
                .setSni(true)
                .setKeyCertOptions(
                    new PfxOptions()
                        .setPath(dir.resolve(keyStore).toString())
                        .setPassword(PASSWORD)))
        .connectionHandler(connection -> serverNames.complete(connection.indicatedServerName()))
        .webSocketHandler(
            socket -> {
              accepted.complete(socket);
              socket.writeTextMessage("{\"type\":\"session.created\"}");
            })
        .listen(0, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  /** A self-signed certificate for {@code host}, made with the JDK's keytool. */
  private static void keyStore(String file, String host) throws Exception {
    keytool(
        "-genkeypair",
        "-alias",
        "realtime",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=" + host,
        "-ext",
        "SAN=dns:" + host,
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        dir.resolve(file).toString(),
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
  }

  /** Adds the certificate in {@code keyStore} to {@code trustStore} as trusted. */
  private static void trust(Path keyStore, Path trustStore) throws Exception {
    Path pem = dir.resolve(keyStore.getFileName() + ".pem");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "realtime",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        pem.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        keyStore.getFileName().toString(),
        "-file",
        pem.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        trustStore.toString(),
        "-storepass",
        PASSWORD);
  }

  private static void keytool(String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertEquals(0, keytool.waitFor(), output);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
