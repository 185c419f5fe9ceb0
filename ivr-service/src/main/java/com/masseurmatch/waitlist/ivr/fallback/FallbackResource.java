package com.masseurmatch.waitlist.ivr.fallback;

import com.masseurmatch.waitlist.ivr.voice.TwilioWebhookVerifier;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The fallback assistant's webhooks, used when the realtime bridge cannot take the call. Each
 * verifies Twilio's signature first, like every voice webhook.
 */
@Path("/api/voice")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_XML)
public class FallbackResource {

  private final TwilioWebhookVerifier verifier;
  private final FallbackAssistant assistant;
  private final ScriptedForm form;

  FallbackResource(TwilioWebhookVerifier verifier, FallbackAssistant assistant, ScriptedForm form) {
    this.verifier = verifier;
    this.assistant = assistant;
    this.form = form;
  }

  @POST
  @Path("/ai-assistant")
  public String start(@Context HttpServerRequest request, MultivaluedMap<String, String> form) {
    return assistant.start(verifier.verify(request, form));
  }

  @POST
  @Path("/ai-assistant/turn")
  public String turn(@Context HttpServerRequest request, MultivaluedMap<String, String> form) {
    return assistant.turn(verifier.verify(request, form));
  }

  @POST
  @Path("/scripted")
  public String scripted(@Context HttpServerRequest request, MultivaluedMap<String, String> form) {
    return this.form.start(verifier.verify(request, form), null);
  }

  @POST
  @Path("/scripted/input")
  public String scriptedInput(
      @Context HttpServerRequest request, MultivaluedMap<String, String> form) {
    return this.form.input(verifier.verify(request, form));
  }
}
