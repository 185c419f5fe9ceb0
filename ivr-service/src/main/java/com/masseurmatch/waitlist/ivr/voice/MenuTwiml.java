package com.masseurmatch.waitlist.ivr.voice;

import com.masseurmatch.waitlist.ivr.config.IvrConfig;
import com.masseurmatch.waitlist.ivr.text.CallLanguages;
import com.masseurmatch.waitlist.ivr.text.VoiceTexts;
import com.masseurmatch.waitlist.model.text.Language;
import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The main menu's TwiML in a language: the greeting or an apology, the options, then each other
 * offered language in its own words and voice ("Para español, oprima 9"), in one {@code <Gather>}
 * that listens in the call's language and for the other languages' names.
 */
@Singleton
public class MenuTwiml {

  private static final Map<Language, String> NAMES =
      Map.of(Language.EN, "English", Language.ES, "español", Language.FR, "français");

  private final Twiml twiml;
  private final IvrConfig config;
  private final CallLanguages languages;
  private final VoiceTexts texts;
  // every call hears the same few menus, and twilio-java builds each document through a new JAXP
  // transformer, so they are rendered once (the benchmark showed it as a webhook's largest cost)
  private final Map<String, String> menus = new ConcurrentHashMap<>();

  MenuTwiml(Twiml twiml, IvrConfig config, CallLanguages languages, VoiceTexts texts) {
    this.twiml = twiml;
    this.config = config;
    this.languages = languages;
    this.texts = texts;
  }

  /** The greeting, before the first menu. */
  public String greeting(Language language) {
    return texts.text(language, "menu.greeting");
  }

  /** The menu, after {@code before} (the greeting or an apology). */
  public String menu(Language language, int attempt, String before) {
    return menus.computeIfAbsent(
        language.code() + "\n" + attempt + "\n" + before, key -> render(language, attempt, before));
  }

  private String render(Language language, int attempt, String before) {
    String options = texts.text(language, "menu.options");
    Gather.Builder gather =
        new Gather.Builder()
            .inputs(List.of(Gather.Input.DTMF, Gather.Input.SPEECH))
            .numDigits(1)
            .timeout(config.menu().timeoutSeconds())
            .speechTimeout("auto")
            .hints(hints(language))
            .option("language", twiml.locale(language))
            .actionOnEmptyResult(true)
            .action(twiml.url(Twiml.path("/api/voice/menu?attempt=" + attempt, language)))
            .method(HttpMethod.POST)
            .say(twiml.say(language, before == null ? options : before + " " + options));
    for (Language other : languages.offered()) {
      Optional<String> key = languages.spoken(other).key();
      if (other != language && key.isPresent()) {
        gather.say(twiml.say(other, texts.text(other, "menu.offer", "key", key.get())));
      }
    }
    return Twiml.xml(new VoiceResponse.Builder().gather(gather.build()));
  }

  private String hints(Language language) {
    StringBuilder hints = new StringBuilder(texts.text(language, "menu.hints"));
    for (Language other : languages.offered()) {
      if (other != language) {
        hints.append(", ").append(NAMES.get(other));
      }
    }
    return hints.toString();
  }
}
