package com.masseurmatch.waitlist.ivr.admin.analytics;

import com.masseurmatch.waitlist.ivr.admin.ChartSpec;
import com.masseurmatch.waitlist.ivr.admin.ConsoleData;
import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.BadQueryException;
import com.masseurmatch.waitlist.ivr.admin.ConsolePage;
import com.masseurmatch.waitlist.ivr.admin.session.CurrentSession;
import com.masseurmatch.waitlist.ivr.analysis.SentimentChart;
import com.masseurmatch.waitlist.ivr.config.AdminConfig;
import com.masseurmatch.waitlist.model.analysis.AnalysisStore;
import com.masseurmatch.waitlist.model.console.Analytics;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code /admin/analytics}: calls by day and by hour of the week, the funnel, conversion by path,
 * cost per day and by month beside the design's per-call estimate.
 */
@Path("/admin/analytics")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class AnalyticsResource {

  static final Set<Integer> PERIODS = Set.of(7, 30, 90, 365);

  @CheckedTemplate(basePath = "admin")
  static class Templates {
    static native TemplateInstance analytics(
        ConsolePage page, AnalyticsView view, ChartSpec sentiment);
  }

  private final ConsoleData data;
  private final CurrentSession session;
  private final Clock clock;
  private final AdminConfig.Console config;
  private final AnalysisStore analysis;

  AnalyticsResource(
      ConsoleData data,
      CurrentSession session,
      Clock clock,
      AdminConfig admin,
      AnalysisStore analysis) {
    this.data = data;
    this.session = session;
    this.clock = clock;
    this.config = admin.console();
    this.analysis = analysis;
  }

  @GET
  @Operation(hidden = true) // an HTML page, not part of the API
  public TemplateInstance analytics(@RestQuery String days) {
    int period = period(days);
    LocalDate last = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate first = last.minusDays(period - 1L);
    Analytics analytics =
        data.read(
            store ->
                store.analytics(
                    first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return Templates.analytics(
        ConsolePage.of("analytics", session.get()),
        AnalyticsView.of(analytics, first, last, config.estimatePerThreeMinuteCall()),
        SentimentChart.of(analysis.sentimentByDay(from, to), first, last));
  }

  private int period(String days) {
    if (days == null || days.isBlank()) {
      return config.analyticsDays();
    }
    try {
      int value = Integer.parseInt(days.strip());
      if (PERIODS.contains(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw new BadQueryException("days must be one of 7, 30, 90 or 365");
  }
}
