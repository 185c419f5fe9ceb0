package com.masseurmatch.waitlist.model.console;

import java.util.Locale;

/** The columns the console's waitlist can be sorted by. */
public enum EntrySort {
  CREATED_AT,
  FULL_NAME,
  EMAIL,
  ROLE,
  SOURCE;

  /** The column's name in both stores. */
  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a column name; unknown names are refused. */
  public static EntrySort fromColumn(String column) {
    for (EntrySort sort : values()) {
      if (sort.column().equals(column)) {
        return sort;
      }
    }
    throw new IllegalArgumentException("unknown sort column: " + column);
  }
}
