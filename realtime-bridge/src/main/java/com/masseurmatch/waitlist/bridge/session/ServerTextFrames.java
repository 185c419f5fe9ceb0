package com.masseurmatch.waitlist.bridge.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.util.List;

/**
 * WebSocket text frames as a server sends them (RFC 6455 §5.2: final, opcode 1, unmasked), several
 * in one buffer, so that frames written together reach the socket in one write.
 */
final class ServerTextFrames {

  private static final int FIN_TEXT = 0x81;

  private ServerTextFrames() {}

  static ByteBuf encode(ByteBufAllocator alloc, List<String> texts) {
    int[] lengths = new int[texts.size()];
    int size = 0;
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = ByteBufUtil.utf8Bytes(texts.get(i));
      size += headerLength(lengths[i]) + lengths[i];
    }
    ByteBuf out = alloc.buffer(size);
    for (int i = 0; i < lengths.length; i++) {
      writeHeader(out, lengths[i]);
      ByteBufUtil.writeUtf8(out, texts.get(i));
    }
    return out;
  }

  private static int headerLength(int payload) {
    return payload < 126 ? 2 : payload <= 0xFFFF ? 4 : 10;
  }

  private static void writeHeader(ByteBuf out, int payload) {
    out.writeByte(FIN_TEXT);
    if (payload < 126) {
      out.writeByte(payload);
    } else if (payload <= 0xFFFF) {
      out.writeByte(126);
      out.writeShort(payload);
    } else {
      out.writeByte(127);
      out.writeLong(payload);
    }
  }
}
