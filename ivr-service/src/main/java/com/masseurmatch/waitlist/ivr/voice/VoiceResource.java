package com.masseurmatch.waitlist.ivr.voice;

import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Twilio's voice webhooks. Every method verifies the request's signature first, then hands it to
 * {@link VoiceFlow}; the answer is TwiML. The steps that only answer from cached TwiML and queue
 * their {@code calls} write ({@link CallLog}) run on the event loop ({@code @NonBlocking}): no
 * hand-off to a worker thread for the busiest webhooks. The steps that read or write the store, or
 * probe the bridge, stay on worker threads.
 */
@Path("/api/voice")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_XML)
public class VoiceResource {

  private final TwilioWebhookVerifier verifier;
  private final VoiceFlow flow;

  VoiceResource(TwilioWebhookVerifier verifier, VoiceFlow flow) {
    this.verifier = verifier;
    this.flow = flow;
  }

  @POST
  @NonBlocking
  public String incoming(@Context HttpServerRequest request, MultivaluedMap<String, String> form) {
    return flow.incoming(verifier.verify(request, form));
  }

  @POST
  @NonBlocking
  @Path("/menu")
  public String menu(
      @Context HttpServerRequest request,
      @QueryParam("attempt") Integer attempt,
      MultivaluedMap<String, String> form) {
    return flow.menu(verifier.verify(request, form), attempt == null ? 1 : attempt);
  }

  @POST
  @Path("/realtime")
  public String realtime(@Context HttpServerRequest request, MultivaluedMap<String, String> form) {
    return flow.realtime(verifier.verify(request, form));
  }

  @POST
  @Path("/realtime/ended")
  public String realtimeEnded(
      @Context HttpServerRequest request, MultivaluedMap<String, String> form) {
    return flow.realtimeEnded(verifier.verify(request, form));
  }

  @POST
  @NonBlocking
  @Path("/transfer")
  public String transfer(@Context HttpServerRequest request, MultivaluedMap<String, String> form) {
    return flow.transfer(verifier.verify(request, form));
  }

  @POST
  @NonBlocking
  @Path("/transfer/status")
  public String transferStatus(
      @Context HttpServerRequest request, MultivaluedMap<String, String> form) {
    return flow.transferStatus(verifier.verify(request, form));
  }

  @POST
  @NonBlocking
  @Path("/voicemail")
  public String voicemail(@Context HttpServerRequest request, MultivaluedMap<String, String> form) {
    return flow.voicemail(verifier.verify(request, form));
  }

  @POST
  @Path("/voicemail/recorded")
  public String recorded(@Context HttpServerRequest request, MultivaluedMap<String, String> form) {
    return flow.recorded(verifier.verify(request, form));
  }

  @POST
  @Path("/voicemail/recording-status")
  public String recordingStatus(
      @Context HttpServerRequest request, MultivaluedMap<String, String> form) {
    return flow.recordingStatus(verifier.verify(request, form));
  }

  @POST
  @Path("/voicemail/transcription")
  public String transcription(
      @Context HttpServerRequest request, MultivaluedMap<String, String> form) {
    return flow.transcription(verifier.verify(request, form));
  }
}
