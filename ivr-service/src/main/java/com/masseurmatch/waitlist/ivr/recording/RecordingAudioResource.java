package com.masseurmatch.waitlist.ivr.recording;

import com.masseurmatch.waitlist.ivr.admin.voicemail.RecordingFetcher;
import com.masseurmatch.waitlist.ivr.waitlist.AdminAuth;
import com.masseurmatch.waitlist.model.recording.Recording;
import com.masseurmatch.waitlist.model.recording.RecordingStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code GET /api/admin/recordings/{sid}.mp3} (admin bearer): a recording's audio, fetched from
 * Twilio by the service, so that the client never sees Twilio's URL or credentials. Only recordings
 * listed and complete are served.
 */
@Path("/api/admin/recordings")
public class RecordingAudioResource {

  private final AdminAuth admin;
  private final RecordingStore store;
  private final RecordingFetcher fetcher;

  RecordingAudioResource(AdminAuth admin, RecordingStore store, RecordingFetcher fetcher) {
    this.admin = admin;
    this.store = store;
    this.fetcher = fetcher;
  }

  @GET
  @Path("/{sid}.mp3")
  @Produces("audio/mpeg")
  @Operation(summary = "A recording's audio (admin), streamed from Twilio by the service")
  public RestResponse<byte[]> audio(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("sid") String sid) {
    admin.require(authorization);
    return RestResponse.ResponseBuilder.ok(mp3(store, fetcher, sid), "audio/mpeg").build();
  }

  /** The audio of a listed, complete recording; 404 otherwise. */
  public static byte[] mp3(RecordingStore store, RecordingFetcher fetcher, String sid) {
    Recording recording =
        store
            .find(sid)
            .filter(Recording::playable)
            .orElseThrow(() -> new NotFoundException("There is no playable recording " + sid));
    return fetcher.mp3(recording.recordingSid());
  }
}
