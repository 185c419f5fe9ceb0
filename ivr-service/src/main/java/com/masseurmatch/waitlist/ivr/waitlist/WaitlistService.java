package com.masseurmatch.waitlist.ivr.waitlist;

import com.masseurmatch.waitlist.ivr.config.WaitlistApiConfig;
import com.masseurmatch.waitlist.model.logging.Masking;
import com.masseurmatch.waitlist.model.validation.EntryForm;
import com.masseurmatch.waitlist.model.validation.EntryValidation;
import com.masseurmatch.waitlist.model.validation.EntryValidator;
import com.masseurmatch.waitlist.model.waitlist.SaveResult;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.masseurmatch.waitlist.model.waitlist.SubmitResult;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import com.masseurmatch.waitlist.model.waitlist.WaitlistQuery;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** Web signups, operators' saves and the operator's view of the waitlist. Blocking. */
@Singleton
public class WaitlistService {

  private final EntryValidator validator;
  private final WaitlistStore store;
  private final int exportLimit;

  WaitlistService(EntryValidator validator, WaitlistStore store, WaitlistApiConfig config) {
    this.validator = validator;
    this.store = store;
    this.exportLimit = config.exportLimit();
  }

  /**
   * Validates a web signup and submits it: a new e-mail is added; a known one is changed only once
   * its owner confirms. Throws {@link InvalidEntryException}.
   */
  public SubmitResult signUp(EntryForm form) {
    WaitlistEntry entry = validated(form);
    SubmitResult result = store.submit(entry);
    Log.infof(
        "web signup %s %s (%s)",
        result.entryId(), result.outcome().wireName(), Masking.email(entry.email()));
    return result;
  }

  /** An operator's save: validates and upserts, changing a known entry at once. */
  public Signup upsert(EntryForm form) {
    EntryValidation validation = validation(form);
    SaveResult saved = store.upsert(validation.entry());
    Log.infof(
        "admin save %s %s (%s)",
        saved.entry().id(), saved.status(), Masking.email(saved.entry().email()));
    return new Signup(saved, EntryView.of(saved.entry(), validation.warnings()));
  }

  private WaitlistEntry validated(EntryForm form) {
    return validation(form).entry();
  }

  private EntryValidation validation(EntryForm form) {
    EntryValidation validation =
        validator.validate(
            form == null ? new EntryForm(null, null, null, null) : form, Source.WEB, null);
    if (!validation.isValid()) {
      throw new InvalidEntryException(validation.errors());
    }
    return validation;
  }

  public WaitlistPage page(WaitlistQuery query) {
    return store.list(query);
  }

  /** Every entry matching the filters, newest first, up to the export limit. */
  public List<StoredEntry> export(WaitlistQuery filters) {
    List<StoredEntry> all = new ArrayList<>();
    int offset = 0;
    while (all.size() < exportLimit) {
      WaitlistPage page =
          store.list(
              new WaitlistQuery(
                  filters.role(),
                  filters.search(),
                  offset,
                  WaitlistQuery.MAX_LIMIT,
                  filters.language()));
      all.addAll(page.items());
      offset += page.items().size();
      if (page.items().size() < WaitlistQuery.MAX_LIMIT || offset >= page.total()) {
        break;
      }
    }
    return all.size() > exportLimit ? all.subList(0, exportLimit) : all;
  }

  /** A stored signup and how to show it. */
  public record Signup(SaveResult result, EntryView view) {}
}
