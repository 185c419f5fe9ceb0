package com.masseurmatch.waitlist.ivr.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.text.Language;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The fallback's state in an action URL: what goes out comes back, within the URL budget. */
class FallbackStateCodecTest {

  private final FallbackStateCodec codec = new FallbackStateCodec(new ObjectMapper());

  private FallbackState decodeAction(String action) {
    String encoded = action.substring(action.indexOf("?state=") + "?state=".length());
    return codec.decode(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
  }

  @Test
  void aStateComesBackAsItWasSent() {
    FallbackState state =
        FallbackState.scripted(
                ScriptedForm.EMAIL_CONFIRM, Map.of("phone", "+14155550100"), Language.ES)
            .at(ScriptedForm.EMAIL_CONFIRM, "ann@gmial.com|ann@gmail.com")
            .retried();
    String action = codec.action("/api/voice/scripted/input", state);
    assertTrue(action.startsWith("/api/voice/scripted/input?state="), action);
    assertEquals(state, decodeAction(action));
  }

  @Test
  void aLongChatIsShortenedOldestTurnsFirstKeepingTheOpening() {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(new ChatMessage("assistant", "Hi, this is Knotty.", null, null));
    // words that do not compress away, as a real conversation's do not
    for (int i = 0; i < 60; i++) {
      messages.add(ChatMessage.user("turn " + i + " " + UUID.randomUUID()));
      messages.add(
          new ChatMessage("assistant", "reply " + i + " " + UUID.randomUUID(), null, null));
    }
    FallbackState state = FallbackState.chat(messages, Map.of("role", "client"), Language.FR);

    String encoded = codec.encode(state);
    FallbackState back = codec.decode(encoded);

    assertTrue(encoded.length() <= FallbackStateCodec.MAX_LENGTH, "length " + encoded.length());
    assertEquals("Hi, this is Knotty.", back.messages().get(0).content());
    assertEquals(
        messages.get(messages.size() - 1), back.messages().get(back.messages().size() - 1));
    assertEquals(Language.FR, back.spoken());
    assertTrue(back.messages().size() < messages.size());
    assertEquals(Map.of("role", "client"), back.collected());
  }

  @Test
  void anUnreadableStateIsNone() {
    assertNull(codec.decode("not-a-state"));
    assertNull(codec.decode(""));
    assertNull(codec.decode(null));
  }
}
