package com.masseurmatch.waitlist.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoreChoiceTest {

  private static StoreChoice prod(String store, boolean url, boolean key) {
    return StoreChoice.decide(Optional.ofNullable(store), url, key, true);
  }

  @Test
  void productionUsesSupabaseWhenItIsSet() {
    assertFalse(prod(null, true, true).embedded());
    assertFalse(prod("supabase", true, true).embedded());
  }

  @Test
  void productionRefusesAnUnnamedStoreAndSaysWhatToSet() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> prod(null, false, false));
    assertEquals(
        "No waitlist store configured: set SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY, or"
            + " WAITLIST_STORE=embedded for a single-instance embedded database",
        e.getMessage());
    assertThrows(IllegalStateException.class, () -> prod(" ", false, false));
  }

  @Test
  void embeddedIsUsedWhenNamedWithAWarningIfSupabaseIsAlsoSet() {
    StoreChoice plain = prod("embedded", false, false);
    assertTrue(plain.embedded());
    assertTrue(plain.warning().isEmpty());
    StoreChoice both = prod("embedded", true, true);
    assertTrue(both.embedded());
    assertEquals(
        "WAITLIST_STORE=embedded: the Supabase settings are set but not used",
        both.warning().orElseThrow());
  }

  @ParameterizedTest
  @CsvSource({
    "supabase, false, false, WAITLIST_STORE=supabase but SUPABASE_URL is not set",
    "supabase, false, true, WAITLIST_STORE=supabase but SUPABASE_URL is not set",
    "supabase, true, false, WAITLIST_STORE=supabase but SUPABASE_SERVICE_ROLE_KEY is not set",
    ", true, false, SUPABASE_URL is set but SUPABASE_SERVICE_ROLE_KEY is not set",
    "sqlite, false, false, WAITLIST_STORE must be supabase or embedded, not 'sqlite'",
  })
  void incompleteSettingsAreRefusedByName(String store, boolean url, boolean key, String start) {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> prod(store, url, key));
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
  }

  @Test
  void devAndTestKeepTheEmbeddedDefault() {
    assertTrue(StoreChoice.decide(Optional.empty(), false, false, false).embedded());
    assertFalse(StoreChoice.decide(Optional.empty(), true, true, false).embedded());
    assertThrows(
        IllegalStateException.class,
        () -> StoreChoice.decide(Optional.of("supabase"), false, false, false));
  }
}
