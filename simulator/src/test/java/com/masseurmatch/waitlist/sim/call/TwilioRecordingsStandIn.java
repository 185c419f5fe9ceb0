package com.masseurmatch.waitlist.sim.call;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio's Recordings API on loopback, as strict as Twilio: the account's Basic auth; {@code POST
 * .../Calls/{CallSid}/Recordings.json} creates a recording (201) only for a form asking for both
 * channels with a status callback; {@code DELETE .../Recordings/{Sid}.json} answers 204 for a
 * recording it created, 404 otherwise; anything else gets Twilio's error shape.
 */
final class TwilioRecordingsStandIn implements AutoCloseable {

  static final String ACCOUNT_SID = "AC55555555555555555555555555555555";

  private static final Pattern START =
      Pattern.compile(
          "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls/(CA[0-9a-zA-Z]{32})/Recordings\\.json");
  private static final Pattern RECORDING =
      Pattern.compile(
          "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Recordings/(RE[0-9a-f]{32})\\.json");

  /** A request to record a call, and the recording created. */
  record Start(String callSid, Map<String, List<String>> form, String recordingSid) {}

  private final String basic;
  private final HttpServer server;
  private final List<Start> starts = new CopyOnWriteArrayList<>();
  private final List<String> deletes = new CopyOnWriteArrayList<>();

  TwilioRecordingsStandIn(String authToken) throws IOException {
    this.basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + authToken).getBytes(StandardCharsets.UTF_8));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Start> starts() {
    return List.copyOf(starts);
  }

  List<String> deletes() {
    return List.copyOf(deletes);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        error(exchange, 401, 20003, "Authenticate");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      Matcher start = START.matcher(path);
      Matcher recording = RECORDING.matcher(path);
      if ("POST".equals(exchange.getRequestMethod()) && start.matches()) {
        Map<String, List<String>> form =
            form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!List.of("dual").equals(form.get("RecordingChannels"))
            || form.get("RecordingStatusCallback") == null) {
          error(exchange, 400, 21220, "Invalid parameter");
          return;
        }
        String sid = "RE" + UUID.randomUUID().toString().replace("-", "");
        starts.add(new Start(start.group(1), form, sid));
        send(
            exchange,
            201,
            """
            {"account_sid": "%s", "api_version": "2010-04-01", "call_sid": "%s",
             "conference_sid": null, "date_created": "Mon, 07 Dec 2026 01:00:00 +0000",
             "date_updated": "Mon, 07 Dec 2026 01:00:00 +0000",
             "start_time": "Mon, 07 Dec 2026 01:00:00 +0000", "duration": null, "sid": "%s",
             "price": null, "price_unit": "USD", "status": "in-progress", "channels": 2,
             "source": "StartCallRecordingAPI", "error_code": null, "track": "both",
             "encryption_details": null, "uri": "%s"}"""
                .formatted(ACCOUNT_SID, start.group(1), sid, path));
        return;
      }
      if ("DELETE".equals(exchange.getRequestMethod()) && recording.matches()) {
        String sid = recording.group(1);
        if (starts.stream().noneMatch(s -> s.recordingSid().equals(sid)) || deletes.contains(sid)) {
          error(exchange, 404, 20404, "The requested resource was not found");
          return;
        }
        deletes.add(sid);
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      error(exchange, 404, 20404, "The requested resource was not found");
    }
  }

  private static Map<String, List<String>> form(String body) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return form;
  }

  private static void error(HttpExchange exchange, int status, int code, String message)
      throws IOException {
    send(
        exchange,
        status,
        """
        {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d",
         "status": %d}"""
            .formatted(code, message, code, status));
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
