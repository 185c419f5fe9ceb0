package com.masseurmatch.waitlist.model.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** A request value with CR, LF or ESC cannot start a new log line or colour a terminal. */
class SingleLineLogFilterTest {

  private static String filtered(String format, Object... parameters) {
    ExtLogRecord record =
        new ExtLogRecord(Level.WARNING, format, ExtLogRecord.FormatStyle.PRINTF, "test");
    record.setParameters(parameters);
    new SingleLineLogFilter().isLoggable(record);
    return record.getFormattedMessage();
  }

  @Test
  void controlCharactersInParametersAreEscaped() {
    assertEquals(
        "call CA1\\u000d\\u000a2026 INFO forged\\u001b[31m: refused",
        filtered("call %s: refused", "CA1\r\n2026 INFO forged\u001b[31m"));
  }

  @Test
  void plainMessagesAndEmojiAreLeftAlone() {
    assertEquals("call CA1 from 😀: ok", filtered("call %s from %s: ok", "CA1", "😀"));
  }

  @Test
  void valuesForOneLineAreCut() {
    assertEquals(LogText.MAX_LENGTH + 1, LogText.of("x".repeat(500)).length());
    assertEquals("a\\u0000b", LogText.of("a\u0000b"));
  }
}
