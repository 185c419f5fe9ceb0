package com.masseurmatch.waitlist.ivr.admin.waitlist;

import com.masseurmatch.waitlist.ivr.admin.ConsoleData;
import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.NotFoundException;
import com.masseurmatch.waitlist.ivr.config.WaitlistApiConfig;
import com.masseurmatch.waitlist.ivr.recording.RecordingEraser;
import com.masseurmatch.waitlist.model.console.EditResult;
import com.masseurmatch.waitlist.model.console.EntrySearch;
import com.masseurmatch.waitlist.model.validation.EntryForm;
import com.masseurmatch.waitlist.model.validation.EntryValidation;
import com.masseurmatch.waitlist.model.validation.EntryValidator;
import com.masseurmatch.waitlist.model.validation.FieldError;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The operator's changes to the waitlist: edits with the API's validation, erasure on request, and
 * the CSV of a filter. Blocking.
 */
@Singleton
public class EntryEditor {

  private final ConsoleData data;
  private final EntryValidator validator;
  private final int exportLimit;
  private final RecordingEraser recordings;

  EntryEditor(
      ConsoleData data,
      EntryValidator validator,
      WaitlistApiConfig config,
      RecordingEraser recordings) {
    this.data = data;
    this.validator = validator;
    this.exportLimit = config.exportLimit();
    this.recordings = recordings;
  }

  public StoredEntry find(UUID id) {
    return data.read(store -> store.entry(id))
        .orElseThrow(() -> new NotFoundException("There is no waitlist entry with that id."));
  }

  /** Validates and saves; the field errors when something is wrong, else an empty list. */
  public List<FieldError> edit(UUID id, EntryForm form, String operator) {
    StoredEntry current = find(id);
    EntryValidation validation = validator.validate(form, current.source(), current.callSid());
    if (!validation.isValid()) {
      return validation.errors();
    }
    EditResult result = data.read(store -> store.update(id, validation.entry(), operator));
    return switch (result) {
      case UPDATED -> {
        Log.infof("console: %s edited entry %s", operator, id);
        yield List.of();
      }
      case EMAIL_TAKEN ->
          List.of(
              new FieldError(
                  "email", "taken", "Another waitlist entry already has this e-mail address."));
      case NOT_FOUND -> throw new NotFoundException("There is no waitlist entry with that id.");
    };
  }

  /**
   * Erases the entry on request; the reason goes to the audit line. What was recorded for its phone
   * and e-mail goes first (recordings at Twilio too), so a failure leaves the entry to erase again.
   */
  public boolean erase(UUID id, String reason, String operator) {
    data.read(store -> store.entry(id)).ifPresent(recordings::erase);
    boolean erased = data.read(store -> store.erase(id, operator, reason));
    if (erased) {
      Log.infof("console: %s erased entry %s", operator, id);
    }
    return erased;
  }

  /** Every entry of the filter, in its order, up to the export limit. */
  public List<StoredEntry> export(WaitlistFilters filters) {
    List<StoredEntry> all = new ArrayList<>();
    int offset = 0;
    while (all.size() < exportLimit) {
      int limit = Math.min(EntrySearch.MAX_LIMIT, exportLimit - all.size());
      EntrySearch search = filters.search(offset, limit);
      WaitlistPage page = data.read(store -> store.entries(search));
      all.addAll(page.items());
      offset += page.items().size();
      if (page.items().size() < limit || offset >= page.total()) {
        break;
      }
    }
    return all;
  }
}
