package com.masseurmatch.waitlist.model.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * A text field that takes only a JSON string (or null): {@code "full_name": true} is refused,
 * naming the field, instead of becoming the name "true".
 */
public final class StrictString extends StdDeserializer<String> {

  public StrictString() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    return (String)
        context.handleUnexpectedToken(
            String.class,
            parser.currentToken(),
            parser,
            "%s must be a JSON string",
            parser.currentName());
  }
}
