package com.masseurmatch.waitlist.ivr.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.model.text.Language;
import com.masseurmatch.waitlist.model.text.Resources;
import com.masseurmatch.waitlist.model.text.TextCatalog;
import com.masseurmatch.waitlist.model.tool.SaveWaitlistEntryTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every caller-facing catalog has each key in every language, and no sentence names the brand or
 * the assistant literally: they come from configuration ({@code {brand}}, {@code {assistant}}).
 */
class LanguageCatalogTest {

  private static final Pattern LITERAL_NAMES = Pattern.compile("(?i)masseur\\s*match|knotty");

  @ParameterizedTest
  @ValueSource(strings = {VoiceTexts.CATALOG, "/confirm/texts", SaveWaitlistEntryTool.CATALOG})
  void everyLanguageHasEveryKeyAndNoSentenceNamesTheBrand(String catalog) {
    Properties english = TextCatalog.load(catalog, Language.EN);
    for (Language language : Language.values()) {
      Properties texts = TextCatalog.load(catalog, language);
      assertEquals(
          new TreeSet<>(english.stringPropertyNames()),
          new TreeSet<>(texts.stringPropertyNames()),
          catalog + " in " + language.code());
      texts.forEach(
          (key, value) -> {
            assertTrue(!value.toString().isBlank(), catalog + " " + language.code() + " " + key);
            assertTrue(
                !LITERAL_NAMES.matcher(value.toString()).find(),
                catalog + "_" + language.code() + " " + key + " names the brand: " + value);
          });
    }
  }

  @Test
  void theFallbackPromptsExistInEveryLanguageWithoutTheBrand() {
    for (Language language : Language.values()) {
      String prompt = Resources.text(VoiceTexts.FALLBACK_PROMPT + language.code() + ".txt");
      assertTrue(prompt.contains("{brand}") && prompt.contains("{assistant}"), language.code());
      assertTrue(!LITERAL_NAMES.matcher(prompt).find(), language.code() + " names the brand");
    }
  }

  /** Caller-facing code keeps no sentence of its own that names the brand or the assistant. */
  @Test
  void noStringInTheCallPathNamesTheBrand() throws IOException {
    Pattern literal = Pattern.compile("\"([^\"\\\\]|\\\\.)*\"");
    List<String> found = new ArrayList<>();
    for (String dir : List.of("voice", "fallback", "confirm", "sms", "text")) {
      Path root = Path.of("src/main/java/com/masseurmatch/waitlist/ivr", dir);
      try (Stream<Path> files = Files.walk(root)) {
        // settings' defaults (…Config.java) are configuration, not sentences
        for (Path file :
            files
                .filter(
                    f -> f.toString().endsWith(".java") && !f.toString().endsWith("Config.java"))
                .toList()) {
          Matcher strings = literal.matcher(Files.readString(file));
          while (strings.find()) {
            if (LITERAL_NAMES.matcher(strings.group()).find()) {
              found.add(file.getFileName() + ": " + strings.group());
            }
          }
        }
      }
    }
    assertEquals(List.of(), found);
  }
}
