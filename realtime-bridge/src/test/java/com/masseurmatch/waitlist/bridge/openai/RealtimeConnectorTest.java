package com.masseurmatch.waitlist.bridge.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import org.junit.jupiter.api.Test;

class RealtimeConnectorTest {

  @Test
  void openAiIsReachedOverTlsOnPort443WithTheModelInTheQuery() {
    WebSocketConnectOptions options =
        RealtimeConnector.connectOptions(
            URI.create("wss://api.openai.com/v1/realtime"), "gpt-realtime");
    assertEquals("api.openai.com", options.getHost());
    assertEquals(443, options.getPort());
    assertTrue(options.isSsl());
    assertEquals("/v1/realtime?model=gpt-realtime", options.getURI());
  }

  @Test
  void aPlainUrlKeepsItsPortAndQuery() {
    WebSocketConnectOptions options =
        RealtimeConnector.connectOptions(
            URI.create("ws://127.0.0.1:8089/v1/realtime?api-version=2025-08-28"), "a b");
    assertEquals("127.0.0.1", options.getHost());
    assertEquals(8089, options.getPort());
    assertFalse(options.isSsl());
    assertEquals("/v1/realtime?api-version=2025-08-28&model=a+b", options.getURI());
  }

  @Test
  void aUrlWithoutPathOrPortGetsTheRootAndPort80() {
    WebSocketConnectOptions options =
        RealtimeConnector.connectOptions(URI.create("ws://realtime.local"), "m");
    assertEquals(80, options.getPort());
    assertEquals("/?model=m", options.getURI());
  }

  @Test
  void azureHostsAreRecognised() {
    assertTrue(
        RealtimeConnector.isAzure(URI.create("wss://x.openai.azure.com/openai/v1/realtime")));
    assertTrue(RealtimeConnector.isAzure(URI.create("wss://x.cognitiveservices.azure.com/x")));
    assertFalse(RealtimeConnector.isAzure(URI.create("wss://api.openai.com/v1/realtime")));
  }
}
