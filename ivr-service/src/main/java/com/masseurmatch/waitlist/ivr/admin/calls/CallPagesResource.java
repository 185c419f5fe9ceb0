package com.masseurmatch.waitlist.ivr.admin.calls;

import com.masseurmatch.waitlist.ivr.admin.ConsoleData;
import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.BadQueryException;
import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.NotFoundException;
import com.masseurmatch.waitlist.ivr.admin.ConsolePage;
import com.masseurmatch.waitlist.ivr.admin.session.CurrentSession;
import com.masseurmatch.waitlist.ivr.recording.CallRecordingPanel;
import com.masseurmatch.waitlist.model.analysis.AnalysisStore;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.console.CallPage;
import com.masseurmatch.waitlist.model.console.CallSearch;
import com.masseurmatch.waitlist.model.recording.RecordingStore;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /admin/calls}: the calls, newest first, and one call's transcript and record. */
@Path("/admin/calls")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class CallPagesResource {

  static final int PAGE_SIZE = 50;

  @CheckedTemplate(basePath = "admin")
  static class Templates {
    static native TemplateInstance calls(
        ConsolePage page, CallPage results, String path, String outcome, int pageNumber, int pages);

    static native TemplateInstance call(
        ConsolePage page, CallView view, CallRecordingPanel recording);
  }

  private final ConsoleData data;
  private final CurrentSession session;
  private final AnalysisStore analysis;
  private final RecordingStore recordings;

  CallPagesResource(
      ConsoleData data, CurrentSession session, AnalysisStore analysis, RecordingStore recordings) {
    this.data = data;
    this.session = session;
    this.analysis = analysis;
    this.recordings = recordings;
  }

  @GET
  @Operation(hidden = true) // an HTML page, not part of the API
  public TemplateInstance list(
      @RestQuery String path, @RestQuery String outcome, @RestQuery String page) {
    int number = pageNumber(page);
    CallSearch search =
        new CallSearch(
            parse(path, CallPath::fromWire, "path"),
            parse(outcome, CallOutcome::fromWire, "outcome"),
            (number - 1) * PAGE_SIZE,
            PAGE_SIZE);
    CallPage results = data.read(store -> store.calls(search));
    int pages = (int) Math.max(1, (results.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    return Templates.calls(
        ConsolePage.of("calls", session.get()),
        results,
        path == null ? "" : path,
        outcome == null ? "" : outcome,
        number,
        pages);
  }

  @GET
  @Operation(hidden = true) // an HTML page, not part of the API
  @Path("/{sid}")
  public TemplateInstance call(@RestPath String sid) {
    CallRecord record =
        data.calls(store -> store.find(sid))
            .orElseThrow(() -> new NotFoundException("There is no call with that SID."));
    return Templates.call(
        ConsolePage.of("calls", session.get()),
        CallView.of(record),
        CallRecordingPanel.of(sid, analysis, recordings));
  }

  private static <T> Optional<T> parse(
      String value, java.util.function.Function<String, T> parser, String name) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(value.strip()));
    } catch (IllegalArgumentException e) {
      throw new BadQueryException("unknown " + name + ": " + value);
    }
  }

  private static int pageNumber(String page) {
    try {
      int number = page == null || page.isBlank() ? 1 : Integer.parseInt(page.strip());
      if (number < 1 || number > 1_000_000) {
        throw new BadQueryException("page must be 1 or more");
      }
      return number;
    } catch (NumberFormatException e) {
      throw new BadQueryException("page must be a number");
    }
  }
}
