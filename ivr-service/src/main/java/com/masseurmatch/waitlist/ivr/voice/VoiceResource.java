package com.masseurmatch.waitlist.ivr.voice;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
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
 * probe the bridge, run on worker threads under {@link WebhookDeadline}, so that they answer in
 * time whatever the store does.
 */
@Path("/api/voice")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_XML)
public class VoiceResource {

  private final TwilioWebhookVerifier verifier;
  private final VoiceFlow flow;
  private final WebhookDeadline deadline;

  VoiceResource(TwilioWebhookVerifier verifier, VoiceFlow flow, WebhookDeadline deadline) {
    this.verifier = verifier;
    this.flow = flow;
    this.deadline = deadline;
  }

  @POST
  @NonBlocking
  public String incoming(
      @Context HttpServerRequest request,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> form) {
    return flow.incoming(verifier.verify(request, form), lang);
  }

  @POST
  @NonBlocking
  @Path("/menu")
  public String menu(
      @Context HttpServerRequest request,
      @QueryParam("attempt") Integer attempt,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> form) {
    return flow.menu(verifier.verify(request, form), attempt == null ? 1 : attempt, lang);
  }

  @POST
  @Path("/realtime")
  public Uni<String> realtime(
      @Context HttpServerRequest request,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> form) {
    VoiceRequest call = verifier.verify(request, form);
    return deadline.answer(
        call,
        "realtime",
        budget -> flow.realtime(call, lang),
        () -> flow.toFallback(flow.language(call, lang)));
  }

  @POST
  @Path("/realtime/ended")
  public Uni<String> realtimeEnded(
      @Context HttpServerRequest request,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> form) {
    VoiceRequest call = verifier.verify(request, form);
    return deadline.answer(
        call,
        "realtime/ended",
        budget -> flow.realtimeEnded(call, budget, lang),
        () -> flow.toFallback(flow.language(call, lang)));
  }

  @POST
  @NonBlocking
  @Path("/transfer")
  public String transfer(
      @Context HttpServerRequest request,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> form) {
    return flow.transfer(verifier.verify(request, form), lang);
  }

  @POST
  @NonBlocking
  @Path("/transfer/status")
  public String transferStatus(
      @Context HttpServerRequest request,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> form) {
    return flow.transferStatus(verifier.verify(request, form), lang);
  }

  @POST
  @NonBlocking
  @Path("/voicemail")
  public String voicemail(
      @Context HttpServerRequest request,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> form) {
    return flow.voicemail(verifier.verify(request, form), lang);
  }

  @POST
  @Path("/voicemail/recorded")
  public Uni<String> recorded(
      @Context HttpServerRequest request,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> form) {
    VoiceRequest call = verifier.verify(request, form);
    return deadline.answer(
        call,
        "voicemail/recorded",
        budget -> flow.recorded(call, lang),
        () -> flow.recordedGoodbye(call, lang));
  }

  @POST
  @Path("/voicemail/recording-status")
  public Uni<String> recordingStatus(
      @Context HttpServerRequest request, MultivaluedMap<String, String> form) {
    VoiceRequest call = verifier.verify(request, form);
    return deadline.answer(
        call, "voicemail/recording-status", budget -> flow.recordingStatus(call), flow::empty);
  }

  @POST
  @Path("/voicemail/transcription")
  public Uni<String> transcription(
      @Context HttpServerRequest request, MultivaluedMap<String, String> form) {
    VoiceRequest call = verifier.verify(request, form);
    return deadline.answer(
        call, "voicemail/transcription", budget -> flow.transcription(call), flow::empty);
  }
}
