package com.masseurmatch.waitlist.model.migration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The PostgreSQL server of the database tests: the one at PGHOST:PGPORT (default 127.0.0.1:5432,
 * user PGUSER or postgres) when it answers; otherwise, for an ordinary user, an embedded PostgreSQL
 * 15 started once per test JVM. PostgreSQL refuses to run as root, so as root a missing server is
 * an error that says to use {@code bin/test}, which starts the machine's PostgreSQL.
 */
final class TestPostgres {

  private static String server;

  private TestPostgres() {}

  /** The JDBC URL of {@code database} on the test server. */
  static synchronized String url(String database) {
    if (server == null) {
      server = start();
    }
    return server.replace("{db}", database);
  }

  private static String start() {
    String host = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
    int port = Integer.parseInt(System.getenv().getOrDefault("PGPORT", "5432"));
    String user = System.getenv().getOrDefault("PGUSER", "postgres");
    if (answers(host, port)) {
      return "jdbc:postgresql://" + host + ":" + port + "/{db}?user=" + user;
    }
    if ("root".equals(System.getProperty("user.name"))) {
      throw new IllegalStateException(
          "No PostgreSQL answers at "
              + host
              + ":"
              + port
              + ", and PostgreSQL refuses to run as root: run bin/test, which starts the"
              + " machine's PostgreSQL");
    }
    System.err.println(
        "No PostgreSQL answers at " + host + ":" + port + ": starting an embedded PostgreSQL 15");
    try {
      EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(embedded)));
      return "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/{db}?user=postgres";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start an embedded PostgreSQL", e);
    }
  }

  private static boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void close(EmbeddedPostgres embedded) {
    try {
      embedded.close();
    } catch (IOException e) {
      // the JVM is exiting; the data folder is temporary
    }
  }
}
