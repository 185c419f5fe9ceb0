package com.masseurmatch.waitlist.ivr.confirm;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.LaunchMode;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends e-mail over SMTP with quarkus-mailer ({@code QUARKUS_MAILER_*}). Configured when {@code
 * QUARKUS_MAILER_FROM} is set and the mailer is not in mock mode. Blocking.
 */
@Singleton
public class EmailSender {

  private final Mailer mailer;
  private final boolean configured;

  EmailSender(
      Mailer mailer,
      @ConfigProperty(name = "quarkus.mailer.from") Optional<String> from,
      @ConfigProperty(name = "quarkus.mailer.mock") Optional<Boolean> mock) {
    this.mailer = mailer;
    boolean mocked = mock.orElse(LaunchMode.current().isDevOrTest());
    this.configured = from.filter(f -> !f.isBlank()).isPresent() && !mocked;
  }

  public boolean configured() {
    return configured;
  }

  /** Sends one message with an HTML and a text part and the given one-click unsubscribe link. */
  public void send(String to, String subject, String html, String text, String unsubscribe) {
    Mail mail =
        Mail.withHtml(to, subject, html)
            .setText(text)
            .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
            .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    mailer.send(mail);
  }
}
