package com.masseurmatch.waitlist.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.model.tool.SaveWaitlistEntryTool;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TextCatalogTest {

  @Test
  void theToolsSentencesExistInEveryLanguageWithoutTheBrand() {
    Properties english = TextCatalog.load(SaveWaitlistEntryTool.CATALOG, Language.EN);
    for (Language language : Language.values()) {
      Properties texts = TextCatalog.load(SaveWaitlistEntryTool.CATALOG, language);
      assertEquals(
          new TreeSet<>(english.stringPropertyNames()),
          new TreeSet<>(texts.stringPropertyNames()),
          language.code());
      texts.values().forEach(v -> assertTrue(!v.toString().contains("MasseurMatch"), v.toString()));
    }
  }

  @Test
  void namesAndValuesAreFilledIn() {
    TextCatalog catalog = new TextCatalog(SaveWaitlistEntryTool.CATALOG, "Acme", "Robin");
    assertEquals(
        "Guarda a la persona que llama en la lista de espera de Acme cuando los cuatro datos"
            + " estén confirmados.",
        catalog.text(Language.ES, "description"));
  }

  @Test
  void languagesAreReadFromTheirCodes() {
    assertEquals(Optional.of(Language.ES), Language.find("es-US"));
    assertEquals(Optional.of(Language.FR), Language.find(" FR "));
    assertEquals(Optional.empty(), Language.find("de"));
    assertEquals(Language.EN, Language.of(null));
  }
}
