package com.masseurmatch.waitlist.ivr.fallback;

import com.masseurmatch.waitlist.ivr.text.CallLanguages;
import com.masseurmatch.waitlist.ivr.voice.CallPathBudget;
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
    return opening(request, params, lang, "ai-assistant", assistant::start);
  }

  @POST
  @Path("/ai-assistant/turn")
  public Uni<String> turn(
      @Context HttpServerRequest request,
      @QueryParam("state") String carried,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> params) {
    return next(
        request, params, carried, lang, "ai-assistant/turn", assistant::turn, assistant::resume);
  }

  @POST
  @Path("/scripted")
  public Uni<String> scripted(
      @Context HttpServerRequest request,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> params) {
    return opening(request, params, lang, "scripted", this::scriptedStart);
  }

  @POST
  @Path("/scripted/input")
  public Uni<String> scriptedInput(
      @Context HttpServerRequest request,
      @QueryParam("state") String carried,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> params) {
    return next(request, params, carried, lang, "scripted/input", form::input, form::resume);
  }

  /** What a path's first webhook does with the call and the language its URL carried. */
  private interface Opening {
    String answer(VoiceRequest call, Language carried, CallPathBudget budget);
  }

  /** What a later webhook does with the state the previous answer carried. */
  private interface Step {
    String answer(VoiceRequest call, FallbackState state, Language language, CallPathBudget budget);
  }

  /** A later webhook's safe answer: its state again, without the store. */
  private interface Resume {
    String answer(VoiceRequest call, FallbackState state, Language language);
  }

  /** A path's first webhook; the safe answer is the scripted form from its start. */
  private Uni<String> opening(
      HttpServerRequest request,
      MultivaluedMap<String, String> params,
      String lang,
      String webhook,
      Opening work) {
    VoiceRequest call = verifier.verify(request, params);
    Language carried = carried(call, lang);
    return deadline.answer(
        call,
        webhook,
        budget -> work.answer(call, carried, budget),
        () -> form.resume(call, null, fallbackLanguage(call, carried)));
  }

  /** A later webhook, carrying the path's state in its URL. */
  private Uni<String> next(
      HttpServerRequest request,
      MultivaluedMap<String, String> params,
      String carried,
      String lang,
      String webhook,
      Step work,
      Resume safe) {
    VoiceRequest call = verifier.verify(request, params);
    FallbackState state = codec.decode(carried);
    Language language = fallbackLanguage(call, carried(call, lang));
    return deadline.answer(
        call,
        webhook,
        budget -> work.answer(call, state, language, budget),
        () -> safe.answer(call, state, language));
  }

  /** The scripted form from the start, with what an earlier path of the call collected. */
  private String scriptedStart(VoiceRequest call, Language carried, CallPathBudget budget) {
    FallbackCalls.Earlier earlier = calls.earlier(call.callSid(), budget);
    Language language =
        carried != null
            ? carried
            : Language.find(earlier.language()).orElse(fallbackLanguage(call, null));
    return form.start(call, earlier.collected(), language, null, budget);
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
