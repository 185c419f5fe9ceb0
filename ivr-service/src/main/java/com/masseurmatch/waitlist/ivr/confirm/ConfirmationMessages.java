package com.masseurmatch.waitlist.ivr.confirm;

import com.masseurmatch.waitlist.ivr.config.IvrConfig;
import com.masseurmatch.waitlist.model.confirm.PendingChange;
import com.masseurmatch.waitlist.model.text.Language;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import io.quarkus.qute.Engine;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the confirmation SMS and e-mails from the text catalog and the Qute e-mail templates
 * ({@code templates/email/<language>/}), in the entry's language. The SMS shows the e-mail as
 * stored, so a misheard address is caught; an e-mail shows only a first name and a role, since it
 * may have reached a stranger.
 */
@Singleton
public class ConfirmationMessages {

  private final ConfirmTexts texts;
  private final Engine engine;
  private final Links links;
  private final String brand;
  private final String contact;

  ConfirmationMessages(
      ConfirmTexts texts, Engine engine, Links links, IvrConfig ivr, ConfirmConfig config) {
    this.texts = texts;
    this.engine = engine;
    this.links = links;
    this.brand = ivr.brand();
    this.contact = config.contact();
  }

  /** The SMS for a signup, or for a pending change when one is given. */
  public String sms(StoredEntry entry, Optional<PendingChange> change) {
    String language = language(entry);
    Map<String, Object> data = common();
    if (change.isPresent()) {
      PendingChange c = change.get();
      data.put("name", c.fullName());
      data.put("role", role(c.role(), language));
      data.put("phoneEnd", lastDigits(c.phone()));
      return texts.text(language, "sms.change", data);
    }
    data.put("name", entry.fullName());
    data.put("role", role(entry.role(), language));
    data.put("email", entry.email());
    return texts.text(language, "sms.signup", data);
  }

  /** The e-mail for a signup, or for a pending change when one is given. */
  public Email email(StoredEntry entry, Optional<PendingChange> change) {
    String language = language(entry);
    Map<String, Object> data = common();
    data.put("firstName", firstName(entry.fullName()));
    data.put("role", role(entry.role(), language));
    String unsubscribe = inLanguage(links.unsubscribe(entry.id()), language);
    data.put("unsubscribeUrl", unsubscribe);
    data.put("notYouUrl", inLanguage(links.notYou(entry.id()), language));
    String kind = "signup";
    if (change.isPresent()) {
      PendingChange c = change.get();
      kind = "change";
      data.put("newFirstName", firstName(c.fullName()));
      data.put("newRole", role(c.role(), language));
      data.put("phoneEnd", lastDigits(c.phone()));
      data.put("confirmUrl", inLanguage(links.confirmChange(c.id(), c.version()), language));
    }
    String subject = texts.text(language, "email." + kind + ".subject", data);
    data.put("subject", subject);
    String html = render("email/" + language + "/" + kind + ".html", data);
    String text = render("email/" + language + "/" + kind + ".txt", data);
    return new Email(subject, html, text, unsubscribe);
  }

  /** A role as the texts name it, in English. */
  public String role(Role role) {
    return role(role, Language.EN.code());
  }

  /** A role as the texts name it in a language. */
  public String role(Role role, String language) {
    return texts.text(language, "role." + role.wireName(), Map.of());
  }

  /**
   * A link whose page speaks the entry's language ({@code lang}, outside the signature: it only
   * chooses the page's words).
   */
  private static String inLanguage(String link, String language) {
    return Language.EN.code().equals(language) ? link : link + "&lang=" + language;
  }

  /** The entry's language, when its texts exist ({@code en}, {@code es}, {@code fr}). */
  private static String language(StoredEntry entry) {
    return Language.of(entry.language()).code();
  }

  private String render(String template, Map<String, Object> data) {
    var instance = engine.getTemplate(template);
    if (instance == null) {
      throw new IllegalStateException("missing template " + template);
    }
    return instance.data(data).render();
  }

  private Map<String, Object> common() {
    Map<String, Object> data = new HashMap<>();
    data.put("brand", brand);
    data.put("contact", contact);
    return data;
  }

  private static String firstName(String fullName) {
    int space = fullName.indexOf(' ');
    return space < 0 ? fullName : fullName.substring(0, space);
  }

  private static String lastDigits(String phone) {
    return phone.length() <= 2 ? phone : phone.substring(phone.length() - 2);
  }

  /** A composed e-mail. */
  public record Email(String subject, String html, String text, String unsubscribe) {}
}
