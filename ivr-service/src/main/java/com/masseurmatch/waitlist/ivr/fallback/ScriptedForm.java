package com.masseurmatch.waitlist.ivr.fallback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.ivr.voice.Twiml;
import com.masseurmatch.waitlist.ivr.voice.VoiceRequest;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.tool.SaveWaitlistEntryTool;
import com.masseurmatch.waitlist.model.tool.ToolOutcome;
import com.masseurmatch.waitlist.model.validation.EmailNormalizer;
import com.masseurmatch.waitlist.model.validation.EntryValidator;
import com.masseurmatch.waitlist.model.validation.NameNormalizer;
import com.masseurmatch.waitlist.model.validation.Normalized;
import com.masseurmatch.waitlist.model.waitlist.Source;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signup form that needs no AI: phone by keypad (the caller ID offered first), role by keypad,
 * name and e-mail by speech, each read back for confirmation. Two retries per field, then
 * voicemail. State lives on the {@code calls} row between webhooks.
 */
@Singleton
public class ScriptedForm {

  static final String PHONE = "phone";
  static final String ROLE = "role";
  static final String NAME = "name";
  static final String NAME_CONFIRM = "name_confirm";
  static final String EMAIL = "email";
  static final String EMAIL_CONFIRM = "email_confirm";
  static final int MAX_RETRIES = 2;

  private static final String EMAIL_HINTS =
      "at, dot, gmail, yahoo, hotmail, outlook, icloud, aol, com, net, org, underscore, dash";

  private final Twiml twiml;
  private final FallbackCalls calls;
  private final EntryValidator validator;
  private final SaveWaitlistEntryTool saveTool;
  private final ObjectMapper json;

  ScriptedForm(
      Twiml twiml,
      FallbackCalls calls,
      EntryValidator validator,
      SaveWaitlistEntryTool saveTool,
      ObjectMapper json) {
    this.twiml = twiml;
    this.calls = calls;
    this.validator = validator;
    this.saveTool = saveTool;
    this.json = json;
  }

  /** {@code /api/voice/scripted}: starts, or resumes, at the first field still missing. */
  public String start(VoiceRequest call, String intro) {
    FallbackCalls.Progress progress = calls.load(call.callSid());
    Map<String, String> collected = progress.collected();
    return ask(call, collected, FallbackState.scripted(nextStep(collected)), intro);
  }

  /** {@code /api/voice/scripted/input}: the caller's answer at the current step. */
  public String input(VoiceRequest call) {
    FallbackCalls.Progress progress = calls.load(call.callSid());
    Map<String, String> collected = progress.collected();
    FallbackState state =
        progress.state() != null && FallbackState.SCRIPTED.equals(progress.state().mode())
            ? progress.state()
            : FallbackState.scripted(nextStep(collected));
    String digits = call.get("Digits");
    String speech = call.get("SpeechResult");
    return switch (state.step()) {
      case PHONE -> phone(call, collected, state, digits);
      case ROLE -> role(call, collected, state, digits);
      case NAME -> heard(call, collected, state, NameNormalizer.normalize(speech), NAME_CONFIRM);
      case EMAIL -> heard(call, collected, state, EmailNormalizer.normalize(speech), EMAIL_CONFIRM);
      case NAME_CONFIRM -> confirm(call, collected, state, digits, "full_name", NAME);
      case EMAIL_CONFIRM -> confirm(call, collected, state, digits, "email", EMAIL);
      default -> start(call, null);
    };
  }

  private String phone(
      VoiceRequest call, Map<String, String> collected, FallbackState state, String digits) {
    String callerId = callerId(call);
    String candidate = "1".equals(digits) && callerId != null ? callerId : digits;
    Normalized<String> phone = validator.phones().normalize(candidate);
    if (candidate == null || !phone.isValid()) {
      return retry(call, collected, state, "Sorry, that number didn't work.");
    }
    collected.put("phone", phone.value());
    return advance(call, collected, state);
  }

  private String role(
      VoiceRequest call, Map<String, String> collected, FallbackState state, String digits) {
    String role = "1".equals(digits) ? "therapist" : "2".equals(digits) ? "client" : null;
    if (role == null) {
      return retry(call, collected, state, "Sorry, please press 1 or 2.");
    }
    collected.put("role", role);
    return advance(call, collected, state);
  }

  private String heard(
      VoiceRequest call,
      Map<String, String> collected,
      FallbackState state,
      Normalized<String> value,
      String confirmStep) {
    if (!value.isValid()) {
      return retry(call, collected, state, "Sorry, I didn't get that.");
    }
    String suggestion = value.warning() == null ? null : value.warning().suggestion();
    // a likely intended address is offered as a third choice, never applied silently
    FallbackState next =
        state.at(
            confirmStep, suggestion == null ? value.value() : value.value() + "|" + suggestion);
    calls.save(call.callSid(), CallPath.SCRIPTED, collected, next);
    return confirmPrompt(next);
  }

  private String confirm(
      VoiceRequest call,
      Map<String, String> collected,
      FallbackState state,
      String digits,
      String field,
      String askAgain) {
    String[] pending = state.pending() == null ? new String[0] : state.pending().split("\\|");
    if ("1".equals(digits) && pending.length > 0) {
      collected.put(field, pending[0]);
      return advance(call, collected, state);
    }
    if ("3".equals(digits) && pending.length > 1) {
      collected.put(field, pending[1]);
      return advance(call, collected, state);
    }
    if ("2".equals(digits)) {
      FallbackState again =
          new FallbackState(
              state.mode(), askAgain, state.retries() + 1, null, state.turns(), state.messages());
      if (again.retries() > MAX_RETRIES) {
        return toVoicemail(call, collected, again);
      }
      calls.save(call.callSid(), CallPath.SCRIPTED, collected, again);
      return prompt(call, again, "Let's try that again.");
    }
    return retry(call, collected, state, "Sorry, please press 1 or 2.");
  }

  /** The field is done: ask the next one, or save when all four are there. */
  private String advance(VoiceRequest call, Map<String, String> collected, FallbackState state) {
    String next = nextStep(collected);
    if (next == null) {
      return save(call, collected);
    }
    return ask(call, collected, state.at(next, null), null);
  }

  private String ask(
      VoiceRequest call, Map<String, String> collected, FallbackState state, String before) {
    if (state.step() == null) {
      return save(call, collected);
    }
    calls.save(call.callSid(), CallPath.SCRIPTED, collected, state);
    return prompt(call, state, before);
  }

  private String retry(
      VoiceRequest call, Map<String, String> collected, FallbackState state, String sorry) {
    FallbackState again = state.retried();
    if (again.retries() > MAX_RETRIES) {
      return toVoicemail(call, collected, again);
    }
    calls.save(call.callSid(), CallPath.SCRIPTED, collected, again);
    return state.step().endsWith("_confirm") ? confirmPrompt(again) : prompt(call, again, sorry);
  }

  private String toVoicemail(
      VoiceRequest call, Map<String, String> collected, FallbackState state) {
    calls.save(call.callSid(), CallPath.SCRIPTED, collected, state);
    return twiml.sayThenRedirect(
        "I'm sorry, I'm having trouble understanding. Let's take a message instead, and the team"
            + " will add you.",
        "/api/voice/voicemail");
  }

  private String save(VoiceRequest call, Map<String, String> collected) {
    Map<String, Object> args = new LinkedHashMap<>(collected);
    args.put("email_confirmed", true);
    ToolOutcome outcome = saveTool.save(write(args), Source.FALLBACK, call.callSid());
    if (outcome.waitlistId() != null) {
      calls.signedUp(call.callSid(), CallPath.SCRIPTED, collected, outcome.waitlistId());
      return twiml.sayThenHangUp(
          "Thank you! You're on the MasseurMatch waitlist, and we'll be in touch soon. Goodbye!");
    }
    Log.warnf("call %s: scripted signup not saved (%s)", call.callSid(), outcome.result());
    calls.save(call.callSid(), CallPath.SCRIPTED, collected, FallbackState.scripted(null));
    return twiml.sayThenHangUp(
        "I'm sorry, I couldn't save your details just now. We've kept what you told us, and our"
            + " team will follow up with you. Goodbye.");
  }

  private String prompt(VoiceRequest call, FallbackState state, String before) {
    String lead = before == null ? "" : before + " ";
    String action = "/api/voice/scripted/input";
    return switch (state.step()) {
      case PHONE -> {
        String callerId = callerId(call);
        yield callerId != null
            ? twiml.gatherKeys(
                lead
                    + "To use the number you're calling from, ending in "
                    + Spelling.lastDigits(callerId)
                    + ", press 1. Otherwise, enter your phone number with the area code, then"
                    + " press pound.",
                action,
                null)
            : twiml.gatherKeys(
                lead + "Please enter your phone number with the area code, then press pound.",
                action,
                null);
      }
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
    String[] pending = state.pending().split("\\|");
    String action = "/api/voice/scripted/input";
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
  static String nextStep(Map<String, String> collected) {
    if (!collected.containsKey("phone")) {
      return PHONE;
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
