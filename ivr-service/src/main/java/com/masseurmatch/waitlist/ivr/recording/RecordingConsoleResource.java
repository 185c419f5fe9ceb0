package com.masseurmatch.waitlist.ivr.recording;

import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.NotFoundException;
import com.masseurmatch.waitlist.ivr.admin.voicemail.RecordingFetcher;
import com.masseurmatch.waitlist.model.recording.Recording;
import com.masseurmatch.waitlist.model.recording.RecordingStore;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /admin/calls/{sid}/recordings/{recording}.mp3}: a call's recording for a signed-in
 * operator, fetched from Twilio by the service as the voicemails' audio is.
 */
@Path("/admin/calls/{sid}/recordings")
@Blocking
public class RecordingConsoleResource {

  private final RecordingStore store;
  private final RecordingFetcher fetcher;

  RecordingConsoleResource(RecordingStore store, RecordingFetcher fetcher) {
    this.store = store;
    this.fetcher = fetcher;
  }

  @GET
  @Operation(hidden = true) // the console's audio, not part of the API
  @Path("/{recording}.mp3")
  @Produces("audio/mpeg")
  public RestResponse<byte[]> audio(@RestPath String sid, @RestPath String recording) {
    Recording found =
        store
            .find(recording)
            .filter(r -> r.callSid().equals(sid) && r.playable())
            .orElseThrow(() -> new NotFoundException("This call has no such recording."));
    return RestResponse.ResponseBuilder.ok(fetcher.mp3(found.recordingSid()), "audio/mpeg").build();
  }
}
