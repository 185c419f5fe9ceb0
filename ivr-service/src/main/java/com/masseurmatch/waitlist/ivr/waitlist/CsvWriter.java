package com.masseurmatch.waitlist.ivr.waitlist;

import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import java.util.List;

/** The waitlist as RFC 4180 CSV, safe to open in a spreadsheet. */
public final class CsvWriter {

  private CsvWriter() {}

  public static String write(List<StoredEntry> entries) {
    StringBuilder csv =
        new StringBuilder(
            "id,full_name,phone,email,role,source,call_sid,created_at,updated_at,language\r\n");
    for (StoredEntry e : entries) {
      csv.append(e.id())
          .append(',')
          .append(cell(e.fullName()))
          .append(',')
          .append(cell(e.phone()))
          .append(',')
          .append(cell(e.email()))
          .append(',')
          .append(e.role().wireName())
          .append(',')
          .append(e.source().wireName())
          .append(',')
          .append(cell(e.callSid()))
          .append(',')
          .append(e.createdAt())
          .append(',')
          .append(e.updatedAt())
          .append(',')
          .append(cell(e.language()))
          .append("\r\n");
    }
    return csv.toString();
  }

  /**
   * Quotes when needed, and defuses formula injection: a cell starting with = + - @ is prefixed
   * with a quote mark, except an E.164 phone number.
   */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String text = value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("\\+[0-9]+")) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
