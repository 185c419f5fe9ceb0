package com.masseurmatch.waitlist.ivr.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/** A real SMTP server in-process (GreenMail) on a dynamic loopback port, for quarkus-mailer. */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

  public static final String FROM = "MasseurMatch <waitlist@masseurmatch.test>";

  private GreenMail mail;

  @Override
  public Map<String, String> start() {
    mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    return Map.of(
        "quarkus.mailer.host", "127.0.0.1",
        "quarkus.mailer.port", Integer.toString(mail.getSmtp().getPort()),
        "quarkus.mailer.from", FROM,
        "quarkus.mailer.mock", "false",
        "quarkus.mailer.tls", "false",
        "quarkus.mailer.start-tls", "DISABLED");
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(
        mail, new TestInjector.AnnotatedAndMatchesType(InjectGreenMail.class, GreenMail.class));
  }

  @Override
  public void stop() {
    if (mail != null) {
      mail.stop();
    }
  }

  /** Marks the field that receives the GreenMail server. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface InjectGreenMail {}
}
