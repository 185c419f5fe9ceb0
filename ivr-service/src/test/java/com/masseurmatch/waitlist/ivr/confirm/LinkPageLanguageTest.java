package com.masseurmatch.waitlist.ivr.confirm;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An e-mail's link opens its page in the entry's language. */
@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
class LinkPageLanguageTest {

  @Inject Links links;

  private static String pathOf(String link) {
    URI uri = URI.create(link);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  @Test
  void aSpanishEntrysUnsubscribeLinkAsksInSpanish() {
    String page =
        given()
            .urlEncodingEnabled(false)
            .get(pathOf(links.unsubscribe(UUID.randomUUID()) + "&lang=es"))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(page.contains("<html lang=\"es\">"), page);
    assertTrue(page.contains("Darme de baja"), page);
  }

  @Test
  void aForgedFrenchLinkIsRefusedInFrench() {
    String page =
        given()
            .urlEncodingEnabled(false)
            .get(pathOf(links.notYou(UUID.randomUUID()) + "&lang=fr").replace("sig=", "sig=x"))
            .then()
            .statusCode(403)
            .extract()
            .asString();
    assertTrue(page.contains("Lien non valide"), page);
  }
}
