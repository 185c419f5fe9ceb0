package com.masseurmatch.waitlist.ivr.sms;

import com.masseurmatch.waitlist.ivr.config.IvrConfig;
import com.masseurmatch.waitlist.ivr.confirm.ConfirmConfig;
import com.masseurmatch.waitlist.ivr.confirm.ConfirmTexts;
import com.masseurmatch.waitlist.model.confirm.ConfirmationStore;
import com.masseurmatch.waitlist.model.logging.Masking;
import com.masseurmatch.waitlist.model.text.Language;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Body;
import com.twilio.twiml.messaging.Message;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers inbound SMS: records opt-outs and opt-ins with their time, answers HELP, and applies the
 * changes waiting for the sender's number on CONFIRM. Blocking.
 */
@Singleton
public class SmsReplies {

  private final ConfirmationStore store;
  private final ConfirmTexts texts;
  private final Map<String, Object> data;

  SmsReplies(ConfirmationStore store, ConfirmTexts texts, IvrConfig ivr, ConfirmConfig config) {
    this.store = store;
    this.texts = texts;
    this.data = Map.of("brand", ivr.brand(), "contact", config.contact());
  }

  /** The TwiML answer to a message from {@code from}. */
  public String answer(String from, String body, String optOutType) {
    SmsKeyword keyword = SmsKeyword.of(body, optOutType);
    Log.infof("sms from %s: %s", Masking.phone(from), keyword.name().toLowerCase(Locale.ROOT));
    switch (keyword) {
      case OPT_OUT -> {
        // Twilio answers STOP itself and blocks any further message to the number
        store.setSmsOptOut(from, true, firstWord(body));
        return empty();
      }
      case OPT_IN -> {
        store.setSmsOptOut(from, false, firstWord(body));
        return empty();
      }
      case CONFIRM -> {
        List<StoredEntry> applied = store.applyChangesForPhone(from);
        Log.infof("sms from %s: %d pending change(s) applied", Masking.phone(from), applied.size());
        // in the entry's language, else in the language of the word the sender used
        String language =
            applied.isEmpty()
                ? SmsKeyword.language(body).code()
                : Language.of(applied.get(0).language()).code();
        return reply(language, applied.isEmpty() ? "sms.nothing-to-confirm" : "sms.confirmed");
      }
      default -> {
        return reply(SmsKeyword.language(body).code(), "sms.help");
      }
    }
  }

  private String reply(String language, String key) {
    return new MessagingResponse.Builder()
        .message(
            new Message.Builder()
                .body(new Body.Builder(texts.text(language, key, data)).build())
                .build())
        .build()
        .toXml();
  }

  private static String empty() {
    return new MessagingResponse.Builder().build().toXml();
  }

  private static String firstWord(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    String word = body.strip().split("\\s+", 2)[0];
    return word.length() > 20 ? word.substring(0, 20) : word;
  }
}
