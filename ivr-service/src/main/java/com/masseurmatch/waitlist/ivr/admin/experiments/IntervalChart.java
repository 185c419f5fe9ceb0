package com.masseurmatch.waitlist.ivr.admin.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * A chart in the shape {@code console.js} draws ({@code data-chart}), whose series may hold {@code
 * [low, high]} pairs: Chart.js draws those as floating bars, here the 95 % intervals.
 */
record IntervalChart(String type, boolean stacked, List<String> labels, List<Series> datasets) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One named series: numbers, or pairs for floating bars. */
  record Series(String label, List<?> data) {}

  String json() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a chart", e);
    }
  }
}
