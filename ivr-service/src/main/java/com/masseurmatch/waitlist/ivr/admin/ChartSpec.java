package com.masseurmatch.waitlist.ivr.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * One chart as the page's {@code data-chart} attribute carries it to {@code console.js}: a Chart.js
 * type, the x labels and the series.
 */
public record ChartSpec(String type, boolean stacked, List<String> labels, List<Series> datasets) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One named series of numbers. */
  public record Series(String label, List<? extends Number> data) {}

  /** The JSON for the attribute (Qute escapes it for HTML). */
  public String json() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a chart", e);
    }
  }
}
