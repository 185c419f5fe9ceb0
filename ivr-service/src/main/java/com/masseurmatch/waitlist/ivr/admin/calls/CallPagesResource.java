package com.masseurmatch.waitlist.ivr.admin.calls;

import com.masseurmatch.waitlist.ivr.admin.ConsoleData;
import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.NotFoundException;
import com.masseurmatch.waitlist.ivr.admin.ConsolePage;
import com.masseurmatch.waitlist.ivr.admin.ConsoleQuery;
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
        ConsolePage page,
        CallPage results,
        String path,
        String outcome,
        int pageNumber,
        int pages,
        String language,
        String variant);

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
      @RestQuery String path,
      @RestQuery String outcome,
      @RestQuery String page,
      @RestQuery String language,
      @RestQuery String variant) {
    int number = ConsoleQuery.pageNumber(page);
    CallSearch search =
        new CallSearch(
            ConsoleQuery.option(path, CallPath::fromWire, "path"),
            ConsoleQuery.option(outcome, CallOutcome::fromWire, "outcome"),
            ConsoleQuery.offset(number, PAGE_SIZE),
            PAGE_SIZE,
            ConsoleQuery.option(language, ConsoleQuery::language, "language"),
            variant == null || variant.isBlank() ? Optional.empty() : Optional.of(variant.strip()));
    CallPage results = data.read(store -> store.calls(search));
    int pages = ConsoleQuery.pages(results.total(), PAGE_SIZE);
    return Templates.calls(
        ConsolePage.of("calls", session.get()),
        results,
        path == null ? "" : path,
        outcome == null ? "" : outcome,
        number,
        pages,
        language == null ? "" : language,
        variant == null ? "" : variant.strip());
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
}
