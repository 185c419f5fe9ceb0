package com.masseurmatch.waitlist.ivr.waitlist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvWriterTest {

  @Test
  void cellsAreQuotedAndFormulasDefused() {
    assertEquals("Ann Lee", CsvWriter.cell("Ann Lee"));
    assertEquals("'=HYPERLINK(1)", CsvWriter.cell("=HYPERLINK(1)"));
    assertEquals("'@SUM(A1)", CsvWriter.cell("@SUM(A1)"));
    assertEquals("'-2+3", CsvWriter.cell("-2+3"));
    assertEquals("+14155550100", CsvWriter.cell("+14155550100"));
    assertEquals("'+1+1", CsvWriter.cell("+1+1"));
    assertEquals("\"Lee, Ann\"", CsvWriter.cell("Lee, Ann"));
    assertEquals("\"Ann \"\"Jo\"\" Lee\"", CsvWriter.cell("Ann \"Jo\" Lee"));
    assertEquals("\"'=A1,B1\"", CsvWriter.cell("=A1,B1"));
    assertEquals("", CsvWriter.cell(null));
  }
}
