package com.masseurmatch.waitlist.ivr.analysis;

import com.masseurmatch.waitlist.ivr.admin.ChartSpec;
import com.masseurmatch.waitlist.model.analysis.SentimentDay;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The analytics page's sentiment over time: the average per day, a gap on days without any. */
public final class SentimentChart {

  private SentimentChart() {}

  public static ChartSpec of(List<SentimentDay> days, LocalDate first, LocalDate last) {
    Map<LocalDate, SentimentDay> byDay =
        days.stream().collect(Collectors.toMap(SentimentDay::day, Function.identity()));
    List<String> labels = new ArrayList<>();
    List<BigDecimal> sentiment = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      SentimentDay found = byDay.get(day);
      labels.add(day.toString());
      sentiment.add(found == null ? null : found.sentiment());
    }
    return new ChartSpec(
        "line",
        false,
        labels,
        List.of(new ChartSpec.Series("Average sentiment (-1 to 1)", sentiment)));
  }
}
