package com.masseurmatch.waitlist.ivr.fallback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.ivr.voice.CallPathBudget;
import com.masseurmatch.waitlist.ivr.voice.Twiml;
import com.masseurmatch.waitlist.ivr.voice.VoiceRequest;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.tool.ToolOutcome;
import com.masseurmatch.waitlist.model.validation.EmailNormalizer;
import com.masseurmatch.waitlist.model.validation.EntryValidator;
import com.masseurmatch.waitlist.model.validation.NameNormalizer;
import com.masseurmatch.waitlist.model.validation.Normalized;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signup form that needs no AI: phone by keypad (the caller ID offered first, as a one-key
 * choice), role by keypad, name and e-mail by speech, each read back for confirmation. Two retries
 * per field, then voicemail. Its state travels in the action URL ({@link FallbackStateCodec}); no
 * store is read between steps.
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
  // between a heard value and a suggested one: a line break, which no normalised name or address
  // holds (a "|" in a name cut its read-back short)
  private static final String PENDING_SEPARATOR = "\n";

  private static final String COULD_NOT_SAVE =
      "I'm sorry, I couldn't save your details just now. We've kept what you told us, and our"
          + " team will follow up with you. Goodbye.";
  private static final String EMAIL_HINTS =
      "at, dot, gmail, yahoo, hotmail, outlook, icloud, aol, com, net, org, underscore, dash";

  private final Twiml twiml;
  private final FallbackCalls calls;
  private final FallbackStateCodec codec;
  private final EntryValidator validator;
  private final SignupSaver saver;
  private final ObjectMapper json;

  ScriptedForm(
      Twiml twiml,
      FallbackCalls calls,
      FallbackStateCodec codec,
      EntryValidator validator,
      SignupSaver saver,
      ObjectMapper json) {
    this.twiml = twiml;
    this.calls = calls;
    this.codec = codec;
    this.validator = validator;
    this.saver = saver;
    this.json = json;
  }

  /** Starts, or resumes, at the first field still missing. */
  public String start(
      VoiceRequest call, Map<String, String> collected, String intro, CallPathBudget budget) {
    FallbackState state = FallbackState.scripted(null, collected);
    return ask(call, state.at(nextStep(call, collected), null), intro, budget);
  }

  /** {@code /api/voice/scripted/input}: the caller's answer at the step the state names. */
  public String input(VoiceRequest call, FallbackState state, CallPathBudget budget) {
    if (state == null || !FallbackState.SCRIPTED.equals(state.mode())) {
      return start(call, state == null ? Map.of() : state.collected(), null, budget);
    }
    String digits = call.get("Digits");
    String speech = call.get("SpeechResult");
    return switch (state.step() == null ? "" : state.step()) {
      case PHONE_CHOICE -> phoneChoice(call, state, digits, budget);
      case PHONE -> phone(call, state, digits, budget);
      case ROLE -> role(call, state, digits, budget);
      case NAME -> heard(call, state, NameNormalizer.normalize(speech), NAME_CONFIRM);
      case EMAIL -> heard(call, state, EmailNormalizer.normalize(speech), EMAIL_CONFIRM);
      case NAME_CONFIRM -> confirm(call, state, digits, "full_name", NAME, budget);
      case EMAIL_CONFIRM -> confirm(call, state, digits, "email", EMAIL, budget);
      default -> start(call, state.collected(), null, budget);
    };
  }

  /** The current step asked again, from the state alone: the answer when time has run out. */
  public String resume(VoiceRequest call, FallbackState carried) {
    if (carried == null || carried.step() == null || carried.mode().equals(FallbackState.CHAT)) {
      Map<String, String> collected = carried == null ? Map.of() : carried.collected();
      String next = nextStep(call, collected);
      if (next == null) {
        return twiml.sayThenHangUp(COULD_NOT_SAVE);
      }
      return prompt(call, FallbackState.scripted(next, collected), "Sorry for the wait.");
    }
    return prompt(call, carried, "Sorry for the wait.");
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
    return retry(call, state, "Sorry, please press 1 or 2.");
  }

  private String phone(
      VoiceRequest call, FallbackState state, String digits, CallPathBudget budget) {
    Normalized<String> phone = validator.phones().normalize(digits);
    if (digits == null || !phone.isValid()) {
      return retry(call, state, "Sorry, that number didn't work.");
    }
    return advance(call, state.with("phone", phone.value()), budget);
  }

  private String role(
      VoiceRequest call, FallbackState state, String digits, CallPathBudget budget) {
    String role = "1".equals(digits) ? "therapist" : "2".equals(digits) ? "client" : null;
    if (role == null) {
      return retry(call, state, "Sorry, please press 1 or 2.");
    }
    return advance(call, state.with("role", role), budget);
  }

  private String heard(
      VoiceRequest call, FallbackState state, Normalized<String> value, String confirmStep) {
    if (!value.isValid()) {
      return retry(call, state, "Sorry, I didn't get that.");
    }
    String suggestion = value.warning() == null ? null : value.warning().suggestion();
    // a likely intended address is offered as a third choice, never applied silently
    FallbackState next =
        state.at(
            confirmStep,
            suggestion == null ? value.value() : value.value() + PENDING_SEPARATOR + suggestion);
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
    String[] pending =
        state.pending() == null ? new String[0] : state.pending().split(PENDING_SEPARATOR);
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
      return prompt(call, again, "Let's try that again.");
    }
    return retry(call, state, "Sorry, please press 1 or 2.");
  }

  /** The field is done: ask the next one, or save when all four are there. */
  private String advance(VoiceRequest call, FallbackState state, CallPathBudget budget) {
    return ask(call, state.at(nextStep(call, state.collected()), null), null, budget);
  }

  private String ask(VoiceRequest call, FallbackState state, String before, CallPathBudget budget) {
    if (state.step() == null) {
      return save(call, state.collected(), budget);
    }
    calls.save(call.callSid(), CallPath.SCRIPTED, state);
    return prompt(call, state, before);
  }

  private String retry(VoiceRequest call, FallbackState state, String sorry) {
    FallbackState again = state.retried();
    if (again.retries() > MAX_RETRIES) {
      return toVoicemail(call, again);
    }
    calls.save(call.callSid(), CallPath.SCRIPTED, again);
    return state.step().endsWith("_confirm") ? confirmPrompt(again) : prompt(call, again, sorry);
  }

  private String toVoicemail(VoiceRequest call, FallbackState state) {
    calls.save(call.callSid(), CallPath.SCRIPTED, state);
    return twiml.sayThenRedirect(
        "I'm sorry, I'm having trouble understanding. Let's take a message instead, and the team"
            + " will add you.",
        "/api/voice/voicemail");
  }

  private String save(VoiceRequest call, Map<String, String> collected, CallPathBudget budget) {
    Map<String, Object> args = new LinkedHashMap<>(collected);
    args.put("email_confirmed", true);
    ToolOutcome outcome = saver.save(write(args), call.callSid(), budget);
    if (SignupSaver.signedUp(outcome)) {
      calls.signedUp(call.callSid(), CallPath.SCRIPTED, collected, outcome.waitlistId());
      return twiml.sayThenHangUp(
          "Thank you! You're on the MasseurMatch waitlist, and we'll be in touch soon. Goodbye!");
    }
    Log.warnf("call %s: scripted signup not saved (%s)", call.callSid(), outcome.result());
    calls.save(call.callSid(), CallPath.SCRIPTED, FallbackState.scripted(null, collected));
    return twiml.sayThenHangUp(COULD_NOT_SAVE);
  }

  private String prompt(VoiceRequest call, FallbackState state, String before) {
    String lead = before == null ? "" : before + " ";
    String action = codec.action(INPUT, state);
    return switch (state.step()) {
      case PHONE_CHOICE ->
          twiml.gatherKeys(
              lead
                  + "To use the number you're calling from, ending in "
                  + Spelling.lastDigits(callerId(call))
                  + ", press 1. To give another number, press 2.",
              action,
              1);
      case PHONE ->
          twiml.gatherKeys(
              lead + "Please enter your phone number with the area code, then press pound.",
              action,
              null);
      case ROLE ->
          twiml.gatherKeys(
              lead
                  + "If you are a massage therapist, press 1. If you are looking to book"
                  + " massages, press 2.",
              action,
              1);
      case NAME -> twiml.gatherSpeech(lead + "Please say your first and last name.", action, null);
      case EMAIL ->
          twiml.gatherSpeech(
              lead + "Please say your e-mail address, like john dot smith at gmail dot com.",
              action,
              EMAIL_HINTS);
      default -> confirmPrompt(state);
    };
  }

  private String confirmPrompt(FallbackState state) {
    String[] pending = state.pending().split(PENDING_SEPARATOR);
    String action = codec.action(INPUT, state);
    if (NAME_CONFIRM.equals(state.step())) {
      return twiml.gatherKeys(
          "I heard " + pending[0] + ". Press 1 if that's right, or 2 to say it again.", action, 1);
    }
    String offer =
        pending.length > 1 ? " Or, if you meant " + Spelling.email(pending[1]) + ", press 3." : "";
    return twiml.gatherKeys(
        "I heard "
            + Spelling.email(pending[0])
            + ". Press 1 if that's right, or 2 to say it again."
            + offer,
        action,
        1);
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
