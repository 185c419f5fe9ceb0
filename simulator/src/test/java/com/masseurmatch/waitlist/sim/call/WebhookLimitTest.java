package com.masseurmatch.waitlist.sim.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A webhook that does not answer in time ends the call as Twilio ends it (error 11205, its own
 * error message), not with the IVR's TwiML. The limit is shortened here (Twilio's is 15 s), but
 * kept long enough for the slow request to arrive on a busy machine.
 */
class WebhookLimitTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger slowRequests = new AtomicInteger();
  private HttpServer ivr;

  @BeforeEach
  void start() throws IOException {
    ivr = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    ivr.setExecutor(Executors.newCachedThreadPool());
    ivr.createContext(
        "/api/voice",
        exchange ->
            answer(exchange, "<Response><Say>Hello.</Say><Redirect>/slow</Redirect></Response>"));
    ivr.createContext(
        "/slow",
        exchange -> {
          slowRequests.incrementAndGet();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          answer(exchange, "<Response><Say>Too late.</Say></Response>");
        });
    ivr.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    ivr.stop(0);
  }

  private static void answer(HttpExchange exchange, String twiml) throws IOException {
    byte[] bytes = twiml.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/xml");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void aSlowWebhookEndsTheCallWithTwiliosError() throws Exception {
    List<String> lines = new ArrayList<>();
    SimulatedCall call =
        new SimulatedCall("token", "+14155550100", "+14155550199", new CallScript(""), lines::add)
            .webhookLimit(Duration.ofSeconds(5));
    String base = "http://127.0.0.1:" + ivr.getAddress().getPort();

    SimulatedCall.Result result = call.run(base + "/api/voice");

    assertEquals(1, slowRequests.get(), "the slow webhook was requested and is still held");
    assertEquals(1, release.getCount());
    assertEquals(1, result.twilioErrors().size(), lines.toString());
    assertTrue(
        result.twilioErrors().get(0).startsWith("11205: " + base + "/slow"), lines.toString());
    assertEquals("Hello.", result.heard().get(0));
    assertTrue(
        result.heard().get(1).contains("an application error has occurred"), lines.toString());
    assertEquals(2, result.heard().size(), "nothing of the late answer is played");
  }
}
