package com.masseurmatch.waitlist.ivr.fallback;

import static com.masseurmatch.waitlist.ivr.fallback.ScriptedForm.EMAIL;
import static com.masseurmatch.waitlist.ivr.fallback.ScriptedForm.INPUT;
import static com.masseurmatch.waitlist.ivr.fallback.ScriptedForm.NAME;
import static com.masseurmatch.waitlist.ivr.fallback.ScriptedForm.NAME_CONFIRM;
import static com.masseurmatch.waitlist.ivr.fallback.ScriptedForm.PHONE;
import static com.masseurmatch.waitlist.ivr.fallback.ScriptedForm.PHONE_CHOICE;
import static com.masseurmatch.waitlist.ivr.fallback.ScriptedForm.ROLE;

import com.masseurmatch.waitlist.ivr.text.VoiceTexts;
import com.masseurmatch.waitlist.ivr.voice.Twiml;
import com.masseurmatch.waitlist.model.text.Language;
import jakarta.inject.Singleton;

/**
 * What the scripted form asks at each step, in the caller's language: keys for the phone, speech
 * (or keys) for the role, speech for the name and e-mail, and each heard value read back.
 */
@Singleton
public class ScriptedPrompts {

  private final Twiml twiml;
  private final FallbackStateCodec codec;
  private final VoiceTexts texts;

  ScriptedPrompts(Twiml twiml, FallbackStateCodec codec, VoiceTexts texts) {
    this.twiml = twiml;
    this.codec = codec;
    this.texts = texts;
  }

  /** The question of the state's step, after {@code before} when given. */
  String prompt(FallbackState state, String callerId, String before) {
    Language language = state.spoken();
    String lead = before == null ? "" : before + " ";
    String action = codec.action(INPUT, state);
    return switch (state.step()) {
      case PHONE_CHOICE ->
          twiml.gatherKeys(
              language,
              lead
                  + texts.text(
                      language, "form.phone-choice", "digits", Spelling.lastDigits(callerId)),
              action,
              1);
      case PHONE -> twiml.gatherKeys(language, lead + say(language, "form.phone"), action, null);
      case ROLE ->
          twiml.gatherSpeech(
              language,
              lead + say(language, "form.role"),
              action,
              say(language, "form.role-hints"),
              1);
      case NAME -> twiml.gatherSpeech(language, lead + say(language, "form.name"), action, null);
      case EMAIL ->
          twiml.gatherSpeech(
              language,
              lead + say(language, "form.email"),
              action,
              say(language, "form.email-hints"));
      default -> confirm(state);
    };
  }

  /** The heard name or e-mail read back: 1 right, 2 again, 3 the suggested address if any. */
  String confirm(FallbackState state) {
    Language language = state.spoken();
    String[] pending = state.pending().split("\\|");
    String action = codec.action(INPUT, state);
    if (NAME_CONFIRM.equals(state.step())) {
      return twiml.gatherKeys(
          language, texts.text(language, "form.confirm-name", "name", pending[0]), action, 1);
    }
    Spelling spelling = new Spelling(texts, language);
    String offer =
        pending.length > 1
            ? " " + texts.text(language, "form.offer-email", "email", spelling.email(pending[1]))
            : "";
    return twiml.gatherKeys(
        language,
        texts.text(language, "form.confirm-email", "email", spelling.email(pending[0])) + offer,
        action,
        1);
  }

  private String say(Language language, String key) {
    return texts.text(language, key);
  }
}
