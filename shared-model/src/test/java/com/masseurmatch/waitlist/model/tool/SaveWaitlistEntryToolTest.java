package com.masseurmatch.waitlist.model.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.store.StoreUnavailableException;
import com.masseurmatch.waitlist.model.validation.EntryValidator;
import com.masseurmatch.waitlist.model.validation.PhoneNormalizer;
import com.masseurmatch.waitlist.model.waitlist.SaveResult;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.masseurmatch.waitlist.model.waitlist.SubmitResult;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import com.masseurmatch.waitlist.model.waitlist.WaitlistQuery;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStats;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SaveWaitlistEntryToolTest {

  private final ObjectMapper json = new ObjectMapper();
  private final List<WaitlistEntry> saved = new ArrayList<>();
  private boolean down;

  private final WaitlistStore store =
      new WaitlistStore() {
        public SaveResult upsert(WaitlistEntry entry) {
          if (down) {
            throw new StoreUnavailableException("down", true, null);
          }
          saved.add(entry);
          return new SaveResult(
              new StoredEntry(
                  UUID.randomUUID(),
                  entry.fullName(),
                  entry.phone(),
                  entry.email(),
                  entry.role(),
                  entry.source(),
                  entry.callSid(),
                  Instant.now(),
                  Instant.now()),
              true);
        }

        public SubmitResult submit(WaitlistEntry entry) {
          return new SubmitResult(upsert(entry).entry().id(), SubmitResult.Outcome.CREATED);
        }

        public WaitlistPage list(WaitlistQuery query) {
          throw new UnsupportedOperationException();
        }

        public WaitlistStats stats() {
          throw new UnsupportedOperationException();
        }
      };

  private final SaveWaitlistEntryTool tool =
      new SaveWaitlistEntryTool(new EntryValidator(new PhoneNormalizer("US")), store, json);

  private JsonNode run(String arguments) throws Exception {
    return json.readTree(tool.save(arguments, Source.PHONE, "CA1").output());
  }

  @Test
  void malformedArgumentsAskForAnotherCall() throws Exception {
    for (String args : new String[] {"{not json", "[]", "\"text\"", null}) {
      JsonNode output = run(args);
      assertEquals("malformed_arguments", output.path("reason").asText(), String.valueOf(args));
    }
    assertTrue(saved.isEmpty());
  }

  @Test
  void aLikelyTypoIsConfirmedBeforeSaving() throws Exception {
    String args =
        "{\"full_name\":\"Ann Lee\",\"phone\":\"4155550100\",\"email\":\"ann@gmial.com\","
            + "\"role\":\"client\"}";
    JsonNode first = run(args);
    assertEquals("possible_typo", first.path("reason").asText());
    assertEquals("ann@gmail.com", first.path("suggestion").asText());
    assertTrue(saved.isEmpty());

    JsonNode confirmed = run(args.replace("}", ",\"email_confirmed\":true}"));
    assertEquals(true, confirmed.path("ok").asBoolean());
    assertEquals("ann@gmial.com", saved.get(0).email());
  }

  @Test
  void asksBuiltWithValuesComeBackInTheCallersLanguage() throws Exception {
    String typo =
        "{\"full_name\":\"Ana López\",\"phone\":\"4155550100\",\"email\":\"ana@gmial.com\","
            + "\"role\":\"client\"}";
    JsonNode spanish =
        json.readTree(
            tool.save(typo, Source.PHONE, "CA1", com.masseurmatch.waitlist.model.text.Language.ES)
                .output());
    assertEquals("possible_typo", spanish.path("reason").asText());
    assertTrue(
        spanish.path("ask").asText().startsWith("La dirección puede tener un error"),
        spanish.toString());
    assertTrue(spanish.path("ask").asText().contains("ana@gmail.com"), spanish.toString());

    String longName =
        "{\"full_name\":\""
            + "Marie ".repeat(30)
            + "\",\"phone\":\"4155550100\",\"email\":\"marie@example.com\",\"role\":\"client\"}";
    JsonNode french =
        json.readTree(
            tool.save(
                    longName, Source.PHONE, "CA1", com.masseurmatch.waitlist.model.text.Language.FR)
                .output());
    assertEquals("too_long", french.path("reason").asText());
    assertEquals(
        "Le nom dépasse 100 caractères ; demande seulement le prénom et le nom.",
        french.path("ask").asText());
    assertTrue(saved.isEmpty());
  }

  @Test
  void everyInvalidFieldIsListed() throws Exception {
    JsonNode output =
        run("{\"full_name\":\"42\",\"phone\":\"12\",\"email\":\"x\",\"role\":\"chef\"}");
    assertEquals("full_name", output.path("field").asText());
    assertEquals(4, output.path("errors").size());
  }

  @Test
  void aStoreOutageAsksKnottyToApologise() throws Exception {
    down = true;
    ToolOutcome outcome =
        tool.save(
            "{\"full_name\":\"Ann Lee\",\"phone\":\"4155550100\",\"email\":\"ann@example.com\","
                + "\"role\":\"client\"}",
            Source.FALLBACK,
            "CA1");
    assertEquals("unavailable", outcome.result());
    assertNull(outcome.waitlistId());
    assertEquals(true, json.readTree(outcome.output()).path("retry_later").asBoolean());
  }
}
