package com.masseurmatch.waitlist.ivr.admin.waitlist;

import com.masseurmatch.waitlist.ivr.admin.ConsoleData;
import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.NotFoundException;
import com.masseurmatch.waitlist.ivr.admin.ConsolePage;
import com.masseurmatch.waitlist.ivr.admin.ConsoleQuery;
import com.masseurmatch.waitlist.ivr.admin.session.CurrentSession;
import com.masseurmatch.waitlist.ivr.waitlist.CsvWriter;
import com.masseurmatch.waitlist.model.validation.EntryForm;
import com.masseurmatch.waitlist.model.validation.FieldError;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /admin/waitlist}: search, filters, sort and paging; an entry's edit page; erasure on
 * request; the CSV of the current filter.
 */
@Path("/admin/waitlist")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class WaitlistPagesResource {

  static final int MAX_REASON = 500;

  @CheckedTemplate(basePath = "admin")
  static class Templates {
    static native TemplateInstance waitlist(
        ConsolePage page, WaitlistFilters filters, WaitlistPage results, int pages, boolean erased);

    static native TemplateInstance entry(ConsolePage page, EntryFormView view);
  }

  private final ConsoleData data;
  private final EntryEditor editor;
  private final CurrentSession session;

  WaitlistPagesResource(ConsoleData data, EntryEditor editor, CurrentSession session) {
    this.data = data;
    this.editor = editor;
    this.session = session;
  }

  @GET
  @Operation(hidden = true) // an HTML page, not part of the API
  public TemplateInstance list(
      @BeanParam WaitlistFilters.Params sent, @RestQuery String page, @RestQuery String erased) {
    WaitlistFilters filters = WaitlistFilters.parse(sent, page);
    WaitlistPage results = data.read(store -> store.entries(filters.pageSearch()));
    int pages = ConsoleQuery.pages(results.total(), WaitlistFilters.PAGE_SIZE);
    return Templates.waitlist(page(), filters, results, pages, erased != null);
  }

  @GET
  @Operation(hidden = true) // an HTML page, not part of the API
  @Path("/export.csv")
  @Produces("text/csv")
  public RestResponse<String> export(@BeanParam WaitlistFilters.Params sent) {
    WaitlistFilters filters = WaitlistFilters.parse(sent, null);
    List<StoredEntry> rows = editor.export(filters);
    return RestResponse.ResponseBuilder.ok(CsvWriter.write(rows), "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"waitlist.csv\"")
        .build();
  }

  @GET
  @Operation(hidden = true) // an HTML page, not part of the API
  @Path("/{id}")
  public TemplateInstance entry(@RestPath String id, @RestQuery String saved) {
    return Templates.entry(page(), EntryFormView.of(editor.find(uuid(id)), saved != null));
  }

  @POST
  @Operation(hidden = true) // an HTML page, not part of the API
  @Path("/{id}")
  public RestResponse<TemplateInstance> edit(
      @RestPath String id,
      @RestForm String csrf,
      @RestForm("full_name") String fullName,
      @RestForm String phone,
      @RestForm String email,
      @RestForm String role) {
    session.requireCsrf(csrf);
    UUID entryId = uuid(id);
    List<FieldError> errors =
        editor.edit(entryId, new EntryForm(fullName, phone, email, role), session.operator());
    if (errors.isEmpty()) {
      return RestResponse.seeOther(URI.create("/admin/waitlist/" + entryId + "?saved=1"));
    }
    EntryFormView view =
        new EntryFormView(editor.find(entryId), fullName, phone, email, role, errors, null, false);
    return RestResponse.status(RestResponse.Status.BAD_REQUEST, Templates.entry(page(), view));
  }

  @POST
  @Operation(hidden = true) // an HTML page, not part of the API
  @Path("/{id}/erase")
  public RestResponse<TemplateInstance> erase(
      @RestPath String id, @RestForm String csrf, @RestForm String reason) {
    session.requireCsrf(csrf);
    UUID entryId = uuid(id);
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > MAX_REASON) {
      StoredEntry entry = editor.find(entryId);
      EntryFormView view =
          new EntryFormView(
              entry,
              entry.fullName(),
              entry.phone(),
              entry.email(),
              entry.role().wireName(),
              List.of(),
              "Say why the entry is erased (up to " + MAX_REASON + " characters).",
              false);
      return RestResponse.status(RestResponse.Status.BAD_REQUEST, Templates.entry(page(), view));
    }
    if (!editor.erase(entryId, why, session.operator())) {
      throw new NotFoundException("There is no waitlist entry with that id.");
    }
    return RestResponse.seeOther(URI.create("/admin/waitlist?erased=1"));
  }

  private ConsolePage page() {
    return ConsolePage.of("waitlist", session.get());
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("There is no waitlist entry with that id.");
    }
  }
}
