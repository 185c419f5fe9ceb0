package com.masseurmatch.waitlist.ivr.confirm;

import com.masseurmatch.waitlist.model.confirm.ConfirmationStore;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/** What the e-mails' signed links do once their page is confirmed. Blocking. */
@Singleton
public class EmailLinkActions {

  private final ConfirmationStore store;

  EmailLinkActions(ConfirmationStore store) {
    this.store = store;
  }

  /** Unsubscribes the entry's address; true also when the entry is gone (nothing to send). */
  public boolean unsubscribe(UUID entryId) {
    Optional<StoredEntry> entry = store.entry(entryId);
    entry.ifPresent(e -> store.optOutEmail(e.email()));
    Log.infof("entry %s: e-mail unsubscribed", entryId);
    return true;
  }

  /** Removes the entry whose address reached someone else. */
  public boolean notYou(UUID entryId) {
    boolean removed = store.removeEntry(entryId);
    Log.infof("entry %s: removed by its address's owner (%s)", entryId, removed ? "done" : "gone");
    return true;
  }

  /** Applies the pending change if it still has this version. */
  public boolean confirmChange(UUID changeId, String version) {
    Optional<StoredEntry> updated = store.applyChange(changeId, version);
    Log.infof(
        "change %s: %s", changeId, updated.isPresent() ? "confirmed by e-mail" : "not pending");
    return updated.isPresent();
  }
}
