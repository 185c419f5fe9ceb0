package com.masseurmatch.waitlist.model.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.logging.Masking;
import com.masseurmatch.waitlist.model.store.StoreException;
import com.masseurmatch.waitlist.model.store.StoreRejectedException;
import com.masseurmatch.waitlist.model.text.BrandConfig;
import com.masseurmatch.waitlist.model.text.Language;
import com.masseurmatch.waitlist.model.text.TextCatalog;
import com.masseurmatch.waitlist.model.validation.EntryForm;
import com.masseurmatch.waitlist.model.validation.EntryValidation;
import com.masseurmatch.waitlist.model.validation.EntryValidator;
import com.masseurmatch.waitlist.model.validation.FieldError;
import com.masseurmatch.waitlist.model.validation.NameNormalizer;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.SubmitResult;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code save_waitlist_entry}, for both voice assistants: validates and normalises the model's
 * arguments and submits the entry with its source and call SID as a public channel (a known
 * e-mail's entry changes only from its own number, otherwise its owner confirms). Every outcome
 * becomes an output the model can act on: what to re-ask, or that it must apologise. Blocking: run
 * off the event loop.
 */
@ApplicationScoped
public class SaveWaitlistEntryTool {

  /** The tool's sentences to the model, per language ({@code /text/tool_<code>.properties}). */
  public static final String CATALOG = "/text/tool";

  private final EntryValidator validator;
  private final WaitlistStore store;
  private final ObjectMapper json;
  private final TextCatalog texts;

  @Inject
  SaveWaitlistEntryTool(
      EntryValidator validator, WaitlistStore store, ObjectMapper json, BrandConfig brand) {
    this.validator = validator;
    this.store = store;
    this.json = json;
    this.texts = new TextCatalog(CATALOG, brand.name(), brand.assistant());
  }

  SaveWaitlistEntryTool(EntryValidator validator, WaitlistStore store, ObjectMapper json) {
    this.validator = validator;
    this.store = store;
    this.json = json;
    this.texts = new TextCatalog(CATALOG, "MasseurMatch", "Knotty");
  }

  public static final String NAME = "save_waitlist_entry";

  public static final String DESCRIPTION =
      "Save the caller to the waitlist once all four details are confirmed.";

  /** The tool's description for the model, in the caller's language, with the brand. */
  public String description(Language language) {
    return texts.text(language, "description");
  }

  /** The tool's arguments as JSON Schema: four required fields, role as an enum. */
  public static Map<String, Object> parameters() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("full_name", Map.of("type", "string", "description", "The caller's full name"));
    properties.put(
        "phone", Map.of("type", "string", "description", "Phone number, with area code, as given"));
    properties.put(
        "email",
        Map.of("type", "string", "description", "E-mail address as confirmed with the caller"));
    properties.put(
        "role",
        Map.of(
            "type",
            "string",
            "enum",
            List.of("therapist", "client"),
            "description",
            "therapist if they give massages, client if they want to book them"));
    properties.put(
        "email_confirmed",
        Map.of(
            "type",
            "boolean",
            "description",
            "true once the caller confirmed an e-mail that was reported as a possible typo"));
    return Map.of(
        "type",
        "object",
        "properties",
        properties,
        "required",
        List.of("full_name", "phone", "email", "role"),
        "additionalProperties",
        false);
  }

  public ToolOutcome save(String arguments, Source source, String callSid) {
    return save(arguments, source, callSid, Language.EN);
  }

  /**
   * Saves the entry in the caller's language; the asks that come back to the model are in that
   * language too.
   */
  public ToolOutcome save(String arguments, Source source, String callSid, Language language) {
    JsonNode args;
    try {
      args = json.readTree(arguments == null ? "" : arguments);
    } catch (JsonProcessingException e) {
      args = null;
    }
    if (args == null || !args.isObject()) {
      return outcome(
          "malformed",
          Map.of(),
          null,
          failure(null, "malformed_arguments", texts.text(language, "malformed")));
    }
    EntryForm form =
        new EntryForm(
            text(args, "full_name"), text(args, "phone"), text(args, "email"), text(args, "role"));
    EntryValidation validation = validator.validate(form, source, callSid);
    Map<String, String> collected = validation.validFields();
    if (!validation.isValid()) {
      return outcome("invalid", collected, null, invalid(validation.errors(), language));
    }
    boolean confirmed = args.path("email_confirmed").asBoolean(false);
    if (!validation.warnings().isEmpty() && !confirmed) {
      return outcome("unconfirmed", collected, null, invalid(validation.warnings(), language));
    }
    WaitlistEntry entry = validation.entry().withLanguage(language.code());
    try {
      SubmitResult saved = store.submit(entry);
      String status = saved.outcome().wireName();
      Log.infof(
          "call %s: waitlist entry %s %s (%s)",
          callSid, saved.entryId(), status, Masking.email(validation.entry().email()));
      Map<String, Object> output = new LinkedHashMap<>();
      output.put("ok", true);
      output.put("status", status);
      output.put(
          "saved",
          Map.of("full_name", validation.entry().fullName(), "role", validation.entry().role()));
      if (saved.outcome() == SubmitResult.Outcome.PENDING) {
        output.put("ask", texts.text(language, "pending"));
      }
      return new ToolOutcome(write(output), status, saved.entryId(), collected, null);
    } catch (StoreRejectedException e) {
      Log.errorf("call %s: the store rejected a waitlist entry: %s", callSid, e.getMessage());
      return outcome("rejected", collected, null, unavailable(language));
    } catch (StoreException e) {
      Log.warnf("call %s: the store is unavailable: %s", callSid, e.getMessage());
      return outcome("unavailable", collected, entry, unavailable(language));
    } catch (RuntimeException e) {
      // an unexpected fault in the store: the entry is kept like one the store could not take
      Log.errorf(e, "call %s: the store failed unexpectedly", callSid);
      return outcome("failed", collected, entry, unavailable(language));
    }
  }

  /**
   * The entry {@link #save} would store for these arguments, when they are valid (and a reported
   * possible typo confirmed); empty otherwise. Does not touch the store.
   */
  public Optional<WaitlistEntry> entry(String arguments, Source source, String callSid) {
    return entry(arguments, source, callSid, Language.EN);
  }

  /** {@link #entry(String, Source, String)} in the caller's language. */
  public Optional<WaitlistEntry> entry(
      String arguments, Source source, String callSid, Language language) {
    JsonNode args;
    try {
      args = json.readTree(arguments == null ? "" : arguments);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (args == null || !args.isObject()) {
      return Optional.empty();
    }
    EntryValidation validation =
        validator.validate(
            new EntryForm(
                text(args, "full_name"),
                text(args, "phone"),
                text(args, "email"),
                text(args, "role")),
            source,
            callSid);
    boolean confirmed = args.path("email_confirmed").asBoolean(false);
    if (!validation.isValid() || (!validation.warnings().isEmpty() && !confirmed)) {
      return Optional.empty();
    }
    return Optional.of(validation.entry().withLanguage(language.code()));
  }

  private Map<String, Object> invalid(List<FieldError> errors, Language language) {
    FieldError first = errors.get(0);
    Map<String, Object> output = failure(first.field(), first.reason(), ask(first, language));
    if (first.suggestion() != null) {
      output.put("suggestion", first.suggestion());
    }
    if (errors.size() > 1) {
      output.put(
          "errors",
          errors.stream()
              .map(e -> Map.of("field", e.field(), "reason", e.reason(), "ask", ask(e, language)))
              .toList());
    }
    return output;
  }

  /** A validation error's ask in the caller's language; the error's own when none is written. */
  private String ask(FieldError error, Language language) {
    String key = "ask." + error.field() + "." + error.reason();
    return texts.keys(language).contains(key)
        ? texts.text(
            language,
            key,
            "suggestion",
            error.suggestion(),
            "max",
            Integer.toString(NameNormalizer.MAX_LENGTH))
        : error.ask();
  }

  private Map<String, Object> unavailable(Language language) {
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("ok", false);
    output.put("retry_later", true);
    output.put("ask", texts.text(language, "unavailable"));
    return output;
  }

  private static Map<String, Object> failure(String field, String reason, String ask) {
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("ok", false);
    if (field != null) {
      output.put("field", field);
    }
    output.put("reason", reason);
    output.put("ask", ask);
    return output;
  }

  private ToolOutcome outcome(
      String result,
      Map<String, String> collected,
      WaitlistEntry unsaved,
      Map<String, Object> output) {
    return new ToolOutcome(write(output), result, null, collected, unsaved);
  }

  private static String text(JsonNode args, String field) {
    JsonNode value = args.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  private String write(Map<String, Object> output) {
    try {
      return json.writeValueAsString(output);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
