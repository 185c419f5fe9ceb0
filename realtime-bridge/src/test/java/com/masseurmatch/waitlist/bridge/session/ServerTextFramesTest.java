package com.masseurmatch.waitlist.bridge.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frames encoded for one write are what a client's WebSocket decoder reads, in order. */
class ServerTextFramesTest {

  @Test
  void framesOfEveryLengthClassDecodeInOrder() {
    List<String> texts =
        List.of(
            "{\"event\":\"mark\"}",
            "x".repeat(125),
            "y".repeat(126),
            "z".repeat(0xFFFF),
            "w".repeat(0x10000),
            "",
            "{\"name\":\"Zoë 🙂\"}");

    assertEquals(texts, decode(ServerTextFrames.encode(ByteBufAllocator.DEFAULT, texts)));
  }

  @Test
  void aSingleFrameIsAFinalUnmaskedTextFrame() {
    ByteBuf buf = ServerTextFrames.encode(ByteBufAllocator.DEFAULT, List.of("ab"));
    try {
      assertEquals(0x81, buf.getUnsignedByte(0));
      assertEquals(2, buf.getUnsignedByte(1), "length 2, mask bit clear");
      assertEquals(4, buf.readableBytes());
    } finally {
      buf.release();
    }
  }

  private static List<String> decode(ByteBuf encoded) {
    EmbeddedChannel client =
        new EmbeddedChannel(
            new WebSocket08FrameDecoder(
                WebSocketDecoderConfig.newBuilder()
                    .expectMaskedFrames(false)
                    .maxFramePayloadLength(1 << 20)
                    .build()));
    client.writeInbound(encoded);
    List<String> texts = new ArrayList<>();
    Object frame;
    while ((frame = client.readInbound()) != null) {
      TextWebSocketFrame text = assertInstanceOf(TextWebSocketFrame.class, frame);
      assertTrue(text.isFinalFragment());
      texts.add(text.text());
      text.release();
    }
    assertNull(client.readInbound());
    client.finishAndReleaseAll();
    return texts;
  }
}
