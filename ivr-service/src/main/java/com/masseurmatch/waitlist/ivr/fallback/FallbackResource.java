package com.masseurmatch.waitlist.ivr.fallback;

import com.masseurmatch.waitlist.ivr.voice.TwilioWebhookVerifier;
import com.masseurmatch.waitlist.ivr.voice.VoiceRequest;
import com.masseurmatch.waitlist.ivr.voice.WebhookDeadline;
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
 * The fallback assistant's webhooks, used when the realtime bridge cannot take the call. Each
 * verifies Twilio's signature first, like every voice webhook (the signature covers the {@code
 * state} the previous answer put in the URL), and answers within the webhook deadline.
 */
@Path("/api/voice")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_XML)
public class FallbackResource {

  private final TwilioWebhookVerifier verifier;
  private final WebhookDeadline deadline;
  private final FallbackAssistant assistant;
  private final ScriptedForm form;
  private final FallbackCalls calls;
  private final FallbackStateCodec codec;

  FallbackResource(
      TwilioWebhookVerifier verifier,
      WebhookDeadline deadline,
      FallbackAssistant assistant,
      ScriptedForm form,
      FallbackCalls calls,
      FallbackStateCodec codec) {
    this.verifier = verifier;
    this.deadline = deadline;
    this.assistant = assistant;
    this.form = form;
    this.calls = calls;
    this.codec = codec;
  }

  @POST
  @Path("/ai-assistant")
  public Uni<String> start(
      @Context HttpServerRequest request, MultivaluedMap<String, String> params) {
    VoiceRequest call = verifier.verify(request, params);
    return deadline.answer(
        call,
        "ai-assistant",
        budget -> assistant.start(call, budget),
        () -> form.resume(call, null));
  }

  @POST
  @Path("/ai-assistant/turn")
  public Uni<String> turn(
      @Context HttpServerRequest request,
      @QueryParam("state") String carried,
      MultivaluedMap<String, String> params) {
    VoiceRequest call = verifier.verify(request, params);
    FallbackState state = codec.decode(carried);
    return deadline.answer(
        call,
        "ai-assistant/turn",
        budget -> assistant.turn(call, state, budget),
        () -> assistant.resume(call, state));
  }

  @POST
  @Path("/scripted")
  public Uni<String> scripted(
      @Context HttpServerRequest request, MultivaluedMap<String, String> params) {
    VoiceRequest call = verifier.verify(request, params);
    return deadline.answer(
        call,
        "scripted",
        budget -> form.start(call, calls.collected(call.callSid(), budget), null, budget),
        () -> form.resume(call, null));
  }

  @POST
  @Path("/scripted/input")
  public Uni<String> scriptedInput(
      @Context HttpServerRequest request,
      @QueryParam("state") String carried,
      MultivaluedMap<String, String> params) {
    VoiceRequest call = verifier.verify(request, params);
    FallbackState state = codec.decode(carried);
    return deadline.answer(
        call,
        "scripted/input",
        budget -> form.input(call, state, budget),
        () -> form.resume(call, state));
  }
}
