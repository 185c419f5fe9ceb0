package com.masseurmatch.waitlist.ivr.admin.voicemail;

import com.masseurmatch.waitlist.ivr.admin.ConsoleData;
import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.NotFoundException;
import com.masseurmatch.waitlist.ivr.admin.ConsolePage;
import com.masseurmatch.waitlist.ivr.admin.ConsoleQuery;
import com.masseurmatch.waitlist.ivr.admin.session.CurrentSession;
import com.masseurmatch.waitlist.model.console.VoicemailItem;
import com.masseurmatch.waitlist.model.console.VoicemailPage;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /admin/voicemails}: transcriptions, playback through the service, a {@code tel:} link to
 * call back, and marking a voicemail handled.
 */
@Path("/admin/voicemails")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class VoicemailPagesResource {

  @CheckedTemplate(basePath = "admin")
  static class Templates {
    static native TemplateInstance voicemails(
        ConsolePage page, VoicemailPage results, boolean all, int pageNumber, int pages);
  }

  private final ConsoleData data;
  private final RecordingFetcher recordings;
  private final CurrentSession session;

  VoicemailPagesResource(ConsoleData data, RecordingFetcher recordings, CurrentSession session) {
    this.data = data;
    this.recordings = recordings;
    this.session = session;
  }

  @GET
  @Operation(hidden = true) // an HTML page, not part of the API
  public TemplateInstance list(@RestQuery String show, @RestQuery String page) {
    boolean all = "all".equals(show);
    int number = ConsoleQuery.pageNumber(page);
    VoicemailPage results =
        data.read(
            store ->
                store.voicemails(
                    !all,
                    ConsoleQuery.offset(number, ConsoleQuery.PAGE_SIZE),
                    ConsoleQuery.PAGE_SIZE));
    int pages = ConsoleQuery.pages(results.total(), ConsoleQuery.PAGE_SIZE);
    return Templates.voicemails(
        ConsolePage.of("voicemails", session.get()), results, all, number, pages);
  }

  @GET
  @Operation(hidden = true) // an HTML page, not part of the API
  @Path("/{id}/recording.mp3")
  @Produces("audio/mpeg")
  public RestResponse<byte[]> recording(@RestPath String id) {
    VoicemailItem item = find(id);
    byte[] audio = recordings.mp3(item.voicemail().recordingSid());
    return RestResponse.ResponseBuilder.ok(audio, "audio/mpeg").build();
  }

  @POST
  @Operation(hidden = true) // an HTML page, not part of the API
  @Path("/{id}/handled")
  public RestResponse<Void> handled(@RestPath String id, @RestForm String csrf) {
    session.requireCsrf(csrf);
    UUID voicemail = find(id).voicemail().id();
    if (!data.read(store -> store.markHandled(voicemail, session.operator()))) {
      throw new NotFoundException("There is no voicemail with that id.");
    }
    Log.infof("console: %s marked voicemail %s handled", session.operator(), voicemail);
    return RestResponse.seeOther(URI.create("/admin/voicemails"));
  }

  private VoicemailItem find(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("There is no voicemail with that id.");
    }
    return data.read(store -> store.voicemail(uuid))
        .orElseThrow(() -> new NotFoundException("There is no voicemail with that id."));
  }
}
