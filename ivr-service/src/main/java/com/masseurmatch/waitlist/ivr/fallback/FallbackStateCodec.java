package com.masseurmatch.waitlist.ivr.fallback;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Carries a {@link FallbackState} in the query string of the next action URL ({@code ?state=...}):
 * JSON, deflated, base64url. Twilio signs the full URL it requests, query included, and every
 * webhook checks that signature, so a state that comes back is the one this service sent. Long chat
 * histories are shortened (oldest turns first) to keep the URL within {@link #MAX_LENGTH}.
 */
@Singleton
public class FallbackStateCodec {

  /** Longest encoded state; the whole action URL stays well under Twilio's URL limits. */
  static final int MAX_LENGTH = 3000;

  private final ObjectMapper json;

  FallbackStateCodec(ObjectMapper json) {
    this.json = json;
  }

  /** {@code path?state=...} for the next webhook. */
  public String action(String path, FallbackState state) {
    return path + "?state=" + URLEncoder.encode(encode(state), StandardCharsets.UTF_8);
  }

  String encode(FallbackState state) {
    FallbackState shortened = state;
    String encoded = pack(shortened);
    while (encoded.length() > MAX_LENGTH && shortened.messages().size() > 1) {
      // keep the opening line, drop the oldest exchange after it
      List<ChatMessage> fewer = new ArrayList<>(shortened.messages());
      fewer.remove(1);
      shortened = state.withMessages(fewer);
      encoded = pack(shortened);
    }
    return encoded;
  }

  /** The state a webhook carried, or null when it carried none or an unreadable one. */
  public FallbackState decode(String encoded) {
    if (encoded == null || encoded.isBlank()) {
      return null;
    }
    try (var in =
        new InflaterInputStream(
            new java.io.ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.trim())))) {
      return json.readValue(in.readNBytes(64 * 1024), FallbackState.class);
    } catch (IOException | IllegalArgumentException e) {
      Log.warnf("unreadable fallback state in a webhook: %s", e.toString());
      return null;
    }
  }

  private String pack(FallbackState state) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (var out = new DeflaterOutputStream(bytes)) {
      json.writeValue(out, state);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
  }
}
