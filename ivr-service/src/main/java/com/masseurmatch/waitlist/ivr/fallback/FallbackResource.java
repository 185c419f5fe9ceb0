package com.masseurmatch.waitlist.ivr.fallback;

import com.masseurmatch.waitlist.ivr.text.CallLanguages;
import com.masseurmatch.waitlist.ivr.voice.TwilioWebhookVerifier;
import com.masseurmatch.waitlist.ivr.voice.VoiceRequest;
import com.masseurmatch.waitlist.ivr.voice.WebhookDeadline;
import com.masseurmatch.waitlist.model.text.Language;
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
  private final CallLanguages languages;

  FallbackResource(
      TwilioWebhookVerifier verifier,
      WebhookDeadline deadline,
      FallbackAssistant assistant,
      ScriptedForm form,
      FallbackCalls calls,
      FallbackStateCodec codec,
      CallLanguages languages) {
    this.verifier = verifier;
    this.deadline = deadline;
    this.assistant = assistant;
    this.form = form;
    this.calls = calls;
    this.codec = codec;
    this.languages = languages;
  }

  @POST
  @Path("/ai-assistant")
  public Uni<String> start(
      @Context HttpServerRequest request,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> params) {
    VoiceRequest call = verifier.verify(request, params);
    Language carried = carried(call, lang);
    return deadline.answer(
        call,
        "ai-assistant",
        budget -> assistant.start(call, carried, budget),
        () -> form.resume(call, null, fallbackLanguage(call, carried)));
  }

  @POST
  @Path("/ai-assistant/turn")
  public Uni<String> turn(
      @Context HttpServerRequest request,
      @QueryParam("state") String carried,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> params) {
    VoiceRequest call = verifier.verify(request, params);
    FallbackState state = codec.decode(carried);
    Language language = fallbackLanguage(call, carried(call, lang));
    return deadline.answer(
        call,
        "ai-assistant/turn",
        budget -> assistant.turn(call, state, language, budget),
        () -> assistant.resume(call, state, language));
  }

  @POST
  @Path("/scripted")
  public Uni<String> scripted(
      @Context HttpServerRequest request,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> params) {
    VoiceRequest call = verifier.verify(request, params);
    Language carried = carried(call, lang);
    return deadline.answer(
        call,
        "scripted",
        budget -> {
          FallbackCalls.Earlier earlier = calls.earlier(call.callSid(), budget);
          Language language =
              carried != null
                  ? carried
                  : Language.find(earlier.language()).orElse(fallbackLanguage(call, null));
          return form.start(call, earlier.collected(), language, null, budget);
        },
        () -> form.resume(call, null, fallbackLanguage(call, carried)));
  }

  @POST
  @Path("/scripted/input")
  public Uni<String> scriptedInput(
      @Context HttpServerRequest request,
      @QueryParam("state") String carried,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> params) {
    VoiceRequest call = verifier.verify(request, params);
    FallbackState state = codec.decode(carried);
    Language language = fallbackLanguage(call, carried(call, lang));
    return deadline.answer(
        call,
        "scripted/input",
        budget -> form.input(call, state, language, budget),
        () -> form.resume(call, state, language));
  }

  /** The language the webhook's URL carried, when it carried one. */
  private Language carried(VoiceRequest call, String lang) {
    return lang == null ? null : languages.of(lang, call.get("To"));
  }

  /** The carried language, else the dialled number's or the default. */
  private Language fallbackLanguage(VoiceRequest call, Language carried) {
    return carried != null ? carried : languages.of(null, call.get("To"));
  }
}
