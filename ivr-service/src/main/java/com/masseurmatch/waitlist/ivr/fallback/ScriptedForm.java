package com.masseurmatch.waitlist.ivr.fallback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.ivr.text.VoiceTexts;
import com.masseurmatch.waitlist.ivr.voice.CallPathBudget;
import com.masseurmatch.waitlist.ivr.voice.Twiml;
import com.masseurmatch.waitlist.ivr.voice.VoiceRequest;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.text.Language;
import com.masseurmatch.waitlist.model.tool.ToolOutcome;
import com.masseurmatch.waitlist.model.validation.EmailNormalizer;
import com.masseurmatch.waitlist.model.validation.EntryValidator;
import com.masseurmatch.waitlist.model.validation.NameNormalizer;
import com.masseurmatch.waitlist.model.validation.Normalized;
import com.masseurmatch.waitlist.model.validation.RoleParser;
import com.masseurmatch.waitlist.model.waitlist.Role;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signup form that needs no AI, in the caller's language: phone by keypad (the caller ID
 * offered first, as a one-key choice), role by speech or keypad, name and e-mail by speech, each
 * read back for confirmation. Two retries per field, then voicemail. Its state, language included,
 * travels in the action URL ({@link FallbackStateCodec}); no store is read between steps.
 */
@Singleton
public class ScriptedForm {

  static final String INPUT = "/api/voice/scripted/input";
  static final String PHONE_CHOICE = "phone_choice";
  static final String PHONE = "phone";
  static final String ROLE = "role";
  static final String NAME = "name";
  static final String NAME_CONFIRM = "name_confirm";
  static final String EMAIL = "email";
  static final String EMAIL_CONFIRM = "email_confirm";
  static final int MAX_RETRIES = 2;

  private final Twiml twiml;
  private final FallbackCalls calls;
  private final FallbackStateCodec codec;
  private final EntryValidator validator;
  private final SignupSaver saver;
  private final ObjectMapper json;
  private final VoiceTexts texts;
  private final ScriptedPrompts prompts;

  ScriptedForm(
      Twiml twiml,
      FallbackCalls calls,
      FallbackStateCodec codec,
      EntryValidator validator,
      SignupSaver saver,
      ObjectMapper json,
      VoiceTexts texts,
      ScriptedPrompts prompts) {
    this.twiml = twiml;
    this.calls = calls;
    this.codec = codec;
    this.validator = validator;
    this.saver = saver;
    this.json = json;
    this.texts = texts;
    this.prompts = prompts;
  }

  /** Starts, or resumes, at the first field still missing. */
  public String start(
      VoiceRequest call,
      Map<String, String> collected,
      Language language,
      String intro,
      CallPathBudget budget) {
    FallbackState state = FallbackState.scripted(null, collected, language);
    return ask(call, state.at(nextStep(call, collected), null), intro, budget);
  }

  /** {@code /api/voice/scripted/input}: the caller's answer at the step the state names. */
  public String input(
      VoiceRequest call, FallbackState state, Language carried, CallPathBudget budget) {
    if (state == null || !FallbackState.SCRIPTED.equals(state.mode())) {
      return state == null
          ? start(call, Map.of(), carried, null, budget)
          : start(call, state.collected(), state.spoken(), null, budget);
    }
    String digits = call.get("Digits");
    String speech = call.get("SpeechResult");
    return switch (state.step() == null ? "" : state.step()) {
      case PHONE_CHOICE -> phoneChoice(call, state, digits, budget);
      case PHONE -> phone(call, state, digits, budget);
      case ROLE -> role(call, state, digits, speech, budget);
      case NAME -> heard(call, state, NameNormalizer.normalize(speech), NAME_CONFIRM);
      case EMAIL -> heard(call, state, EmailNormalizer.normalize(speech), EMAIL_CONFIRM);
      case NAME_CONFIRM -> confirm(call, state, digits, "full_name", NAME, budget);
      case EMAIL_CONFIRM -> confirm(call, state, digits, "email", EMAIL, budget);
      default -> start(call, state.collected(), state.spoken(), null, budget);
    };
  }

  /** The current step asked again, from the state alone: the answer when time has run out. */
  public String resume(VoiceRequest call, FallbackState carried, Language language) {
    Language spoken = carried == null ? language : carried.spoken();
    if (carried == null || carried.step() == null || carried.mode().equals(FallbackState.CHAT)) {
      Map<String, String> collected = carried == null ? Map.of() : carried.collected();
      String next = nextStep(call, collected);
      if (next == null) {
        return twiml.sayThenHangUp(spoken, texts.text(spoken, "form.could-not-save"));
      }
      return prompt(
          call, FallbackState.scripted(next, collected, spoken), texts.text(spoken, "form.wait"));
    }
    return prompt(call, carried, texts.text(spoken, "form.wait"));
  }

  private String phoneChoice(
      VoiceRequest call, FallbackState state, String digits, CallPathBudget budget) {
    String callerId = callerId(call);
    if ("1".equals(digits) && callerId != null) {
      return advance(call, state.with("phone", callerId), budget);
    }
    if ("2".equals(digits)) {
      return ask(call, state.at(PHONE, null), null, budget);
    }
    return retry(call, state, "form.press-1-or-2");
  }

  private String phone(
      VoiceRequest call, FallbackState state, String digits, CallPathBudget budget) {
    Normalized<String> phone = validator.phones().normalize(digits);
    if (digits == null || !phone.isValid()) {
      return retry(call, state, "form.bad-number");
    }
    return advance(call, state.with("phone", phone.value()), budget);
  }

  private String role(
      VoiceRequest call, FallbackState state, String digits, String speech, CallPathBudget budget) {
    String role = "1".equals(digits) ? "therapist" : "2".equals(digits) ? "client" : null;
    if (role == null && speech != null) {
      Normalized<Role> said = RoleParser.parse(speech);
      role = said.isValid() ? said.value().wireName() : null;
    }
    if (role == null) {
      return retry(call, state, "form.role-again");
    }
    return advance(call, state.with("role", role), budget);
  }

  private String heard(
      VoiceRequest call, FallbackState state, Normalized<String> value, String confirmStep) {
    if (!value.isValid()) {
      return retry(call, state, "form.not-heard");
    }
    String suggestion = value.warning() == null ? null : value.warning().suggestion();
    // a likely intended address is offered as a third choice, never applied silently
    FallbackState next =
        state.at(
            confirmStep, suggestion == null ? value.value() : value.value() + "|" + suggestion);
    calls.save(call.callSid(), CallPath.SCRIPTED, next);
    return confirmPrompt(next);
  }

  private String confirm(
      VoiceRequest call,
      FallbackState state,
      String digits,
      String field,
      String askAgain,
      CallPathBudget budget) {
    String[] pending = state.pending() == null ? new String[0] : state.pending().split("\\|");
    if ("1".equals(digits) && pending.length > 0) {
      return advance(call, state.with(field, pending[0]), budget);
    }
    if ("3".equals(digits) && pending.length > 1) {
      return advance(call, state.with(field, pending[1]), budget);
    }
    if ("2".equals(digits)) {
      FallbackState again = state.askAgain(askAgain);
      if (again.retries() > MAX_RETRIES) {
        return toVoicemail(call, again);
      }
      calls.save(call.callSid(), CallPath.SCRIPTED, again);
      return prompt(call, again, texts.text(again.spoken(), "form.try-again"));
    }
    return retry(call, state, "form.press-1-or-2");
  }

  /** The field is done: ask the next one, or save when all four are there. */
  private String advance(VoiceRequest call, FallbackState state, CallPathBudget budget) {
    return ask(call, state.at(nextStep(call, state.collected()), null), null, budget);
  }

  private String ask(VoiceRequest call, FallbackState state, String before, CallPathBudget budget) {
    if (state.step() == null) {
      return save(call, state, budget);
    }
    calls.save(call.callSid(), CallPath.SCRIPTED, state);
    return prompt(call, state, before);
  }

  private String retry(VoiceRequest call, FallbackState state, String sorryKey) {
    String sorry = texts.text(state.spoken(), sorryKey);
    FallbackState again = state.retried();
    if (again.retries() > MAX_RETRIES) {
      return toVoicemail(call, again);
    }
    calls.save(call.callSid(), CallPath.SCRIPTED, again);
    return state.step().endsWith("_confirm") ? confirmPrompt(again) : prompt(call, again, sorry);
  }

  private String toVoicemail(VoiceRequest call, FallbackState state) {
    calls.save(call.callSid(), CallPath.SCRIPTED, state);
    Language language = state.spoken();
    return twiml.sayThenRedirect(
        language,
        texts.text(language, "form.to-voicemail"),
        Twiml.path("/api/voice/voicemail", language));
  }

  private String save(VoiceRequest call, FallbackState state, CallPathBudget budget) {
    Map<String, String> collected = state.collected();
    Language language = state.spoken();
    Map<String, Object> args = new LinkedHashMap<>(collected);
    args.put("email_confirmed", true);
    ToolOutcome outcome = saver.save(write(args), call.callSid(), language, budget);
    if (SignupSaver.signedUp(outcome)) {
      calls.signedUp(call.callSid(), CallPath.SCRIPTED, collected, outcome.waitlistId());
      return twiml.sayThenHangUp(language, texts.text(language, "form.signed-up"));
    }
    Log.warnf("call %s: scripted signup not saved (%s)", call.callSid(), outcome.result());
    calls.save(
        call.callSid(), CallPath.SCRIPTED, FallbackState.scripted(null, collected, language));
    return twiml.sayThenHangUp(language, texts.text(language, "form.could-not-save"));
  }

  private String prompt(VoiceRequest call, FallbackState state, String before) {
    return prompts.prompt(state, callerId(call), before);
  }

  private String confirmPrompt(FallbackState state) {
    return prompts.confirm(state);
  }

  /** The first field still missing, in the order the form asks them; null when complete. */
  private String nextStep(VoiceRequest call, Map<String, String> collected) {
    if (!collected.containsKey("phone")) {
      return callerId(call) != null ? PHONE_CHOICE : PHONE;
    }
    if (!collected.containsKey("role")) {
      return ROLE;
    }
    if (!collected.containsKey("full_name")) {
      return NAME;
    }
    if (!collected.containsKey("email")) {
      return EMAIL;
    }
    return null;
  }

  private String callerId(VoiceRequest call) {
    Normalized<String> from = validator.phones().normalize(call.from());
    return from.isValid() ? from.value() : null;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
