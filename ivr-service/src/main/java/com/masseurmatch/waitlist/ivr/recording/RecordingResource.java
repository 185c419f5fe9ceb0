package com.masseurmatch.waitlist.ivr.recording;

import com.masseurmatch.waitlist.ivr.voice.TwilioWebhookVerifier;
import com.masseurmatch.waitlist.ivr.voice.VoiceRequest;
import com.masseurmatch.waitlist.ivr.voice.WebhookDeadline;
import com.masseurmatch.waitlist.model.text.Language;
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
 * Twilio's webhooks for call recording: the consent question, its answer and the recording's status
 * callback. Each verifies the signature first; the steps that write run under {@link
 * WebhookDeadline}, and a caller whose answer cannot be handled in time goes on unrecorded.
 */
@Path("/api/voice/recording")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_XML)
public class RecordingResource {

  private final TwilioWebhookVerifier verifier;
  private final ConsentFlow consent;
  private final RecordingStatusCallback status;
  private final WebhookDeadline deadline;

  RecordingResource(
      TwilioWebhookVerifier verifier,
      ConsentFlow consent,
      RecordingStatusCallback status,
      WebhookDeadline deadline) {
    this.verifier = verifier;
    this.consent = consent;
    this.status = status;
    this.deadline = deadline;
  }

  @POST
  @NonBlocking
  @Path("/consent")
  public String ask(
      @Context HttpServerRequest request,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> form) {
    VoiceRequest call = verifier.verify(request, form);
    return consent.ask(consent.language(call, lang));
  }

  @POST
  @Path("/consent/answer")
  public Uni<String> answer(
      @Context HttpServerRequest request,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> form) {
    VoiceRequest call = verifier.verify(request, form);
    Language language = consent.language(call, lang);
    return deadline.answer(
        call,
        "recording/consent/answer",
        budget -> consent.answer(call, language),
        () -> consent.withoutRecording(language));
  }

  @POST
  @Path("/status")
  public Uni<String> status(
      @Context HttpServerRequest request, MultivaluedMap<String, String> form) {
    VoiceRequest call = verifier.verify(request, form);
    return deadline.answer(call, "recording/status", budget -> status.handle(call), status::empty);
  }
}
