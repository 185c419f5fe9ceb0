package com.masseurmatch.waitlist.bridge.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.bridge.frame.MalformedFrameException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioCodecTest {

  private final ObjectMapper json = new ObjectMapper();
  private final TwilioCodec codec = new TwilioCodec(json, 4096);

  private static String fixture(String name) throws IOException {
    try (InputStream in = TwilioCodecTest.class.getResourceAsStream("/twilio/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The start frame the bridge writes for its own warm-up calls passes the admission's check. */
  @Test
  void theWarmUpsStartFrameIsTelephoneAudio() throws Exception {
    String frame = new TwilioSideFrames(json).start("MZ1", "CA1", Map.of("token", "t"));
    TwilioMessage.Start start = assertInstanceOf(TwilioMessage.Start.class, codec.decode(frame));
    assertEquals(1, start.channels());
    assertEquals(true, start.telephoneAudio());
  }

  @Test
  void decodesEveryDocumentedEvent() throws Exception {
    assertEquals(
        new TwilioMessage.Connected("Call", "1.0.0"), codec.decode(fixture("connected.json")));
    assertEquals(
        new TwilioMessage.Start(
            "MZ11111111111111111111111111111111",
            "AC22222222222222222222222222222222",
            "CA33333333333333333333333333333333",
            Map.of("token", "1764000000.abc", "caller", "+14155550100"),
            "audio/x-mulaw",
            8000,
            1),
        codec.decode(fixture("start.json")));
    assertEquals(new TwilioMessage.Media(20, "/////////w=="), codec.decode(fixture("media.json")));
    assertEquals(new TwilioMessage.Dtmf("0"), codec.decode(fixture("dtmf.json")));
    assertEquals(new TwilioMessage.Mark("resp-4:end"), codec.decode(fixture("mark.json")));
    assertEquals(
        new TwilioMessage.Stop("CA33333333333333333333333333333333"),
        codec.decode(fixture("stop.json")));
    assertInstanceOf(TwilioMessage.Unknown.class, codec.decode("{\"event\":\"future\"}"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "{",
        "{\"streamSid\":\"MZ1\"}",
        "{\"event\":\"start\"}",
        "{\"event\":\"start\",\"start\":{\"streamSid\":\"MZ1\"}}",
        "{\"event\":\"media\"}",
        "{\"event\":\"media\",\"media\":{\"timestamp\":\"soon\",\"payload\":\"AA==\"}}",
        "{\"event\":\"mark\",\"mark\":{}}",
      })
  void rejectsMalformedFrames(String frame) {
    assertThrows(MalformedFrameException.class, () -> codec.decode(frame));
  }

  @Test
  void rejectsOversizedFrames() {
    String big = "{\"event\":\"media\",\"media\":{\"payload\":\"" + "A".repeat(5000) + "\"}}";
    assertThrows(MalformedFrameException.class, () -> codec.decode(big));
  }

  @Test
  void writesOutboundMessagesInTheDocumentedShape() throws Exception {
    assertEquals(
        json.readTree(
            "{\"event\":\"media\",\"streamSid\":\"MZ1\",\"media\":{\"payload\":\"f39/fw==\"}}"),
        json.readTree(TwilioCodec.media("MZ1", "f39/fw==")));
    assertEquals(
        json.readTree("{\"event\":\"mark\",\"streamSid\":\"MZ1\",\"mark\":{\"name\":\"a\\\"b\"}}"),
        json.readTree(TwilioCodec.mark("MZ1", "a\"b")));
    assertEquals(
        json.readTree("{\"event\":\"clear\",\"streamSid\":\"MZ1\"}"),
        json.readTree(TwilioCodec.clear("MZ1")));
  }
}
