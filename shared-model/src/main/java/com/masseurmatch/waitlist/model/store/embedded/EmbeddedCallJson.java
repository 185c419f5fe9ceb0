package com.masseurmatch.waitlist.model.store.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON columns of the embedded {@code calls} table: text in the row, null for no value. */
final class EmbeddedCallJson {

  private final ObjectMapper json;

  EmbeddedCallJson(ObjectMapper json) {
    this.json = json;
  }

  /** The column's text for {@code value}; {@code what} names it when it cannot be encoded. */
  String write(Object value, String what) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + what, e);
    }
  }

  <T> T read(String text, TypeReference<T> type) {
    if (text == null) {
      return null;
    }
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable JSON in the calls table", e);
    }
  }
}
