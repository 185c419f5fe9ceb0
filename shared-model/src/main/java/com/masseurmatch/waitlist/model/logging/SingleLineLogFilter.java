package com.masseurmatch.waitlist.model.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Keeps every log message on one line: CR, LF, ESC and the other control characters a request value
 * may carry are written as {@code \\uXXXX} ({@link LogText}), so no caller can forge a log line or
 * drive a terminal, in plain text as in JSON. Configured as {@code quarkus.log.console.filter}.
 */
@LoggingFilter(name = SingleLineLogFilter.NAME)
public final class SingleLineLogFilter implements Filter {

  public static final String NAME = "single-line";

  @Override
  public boolean isLoggable(LogRecord record) {
    if (record instanceof ExtLogRecord ext) {
      String safe = LogText.escapeAll(ext.getFormattedMessage());
      if (safe != null) {
        ext.setMessage(safe, ExtLogRecord.FormatStyle.NO_FORMAT);
        ext.setParameters(null);
      }
    }
    return true;
  }
}
