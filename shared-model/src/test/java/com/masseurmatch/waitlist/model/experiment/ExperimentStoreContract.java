package com.masseurmatch.waitlist.model.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.model.call.CallOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every experiment store does, whichever database holds it. */
abstract class ExperimentStoreContract {

  protected abstract ExperimentStore store();

  /** Writes a {@code calls} row as the services do. */
  protected abstract void recordCall(
      String callSid,
      UUID experiment,
      String variant,
      CallOutcome outcome,
      int seconds,
      String costUsd,
      String chatCostUsd,
      String language)
      throws Exception;

  /** Stops every running experiment, so that each test starts from none running. */
  protected void stopAll() {
    store().running().forEach(e -> store().stop(e.id()));
  }

  private static List<Variant> voices(String a, String b) {
    return List.of(
        new Variant("control", 50, VariantSettings.parse("", Map.of("voice", a)), false, null),
        new Variant(
            "other",
            50,
            VariantSettings.parse("", Map.of("voice", b, "chat_model", "gpt-4.1-mini")),
            false,
            null));
  }

  @Test
  void anExperimentIsStoredAsADraftWithItsVariantsAndSettings() {
    Experiment created =
        store().create("voices " + UUID.randomUUID(), "en", voices("marin", "cedar"));
    assertEquals(Experiment.DRAFT, created.status());
    assertEquals("en", created.language());
    Experiment found = store().find(created.id()).orElseThrow();
    assertEquals(created.name(), found.name());
    assertEquals(
        List.of("control", "other"), found.variants().stream().map(Variant::name).toList());
    assertEquals("marin", found.control().settings().voice());
    assertEquals("cedar", found.variant("other").orElseThrow().settings().voice());
    assertEquals("gpt-4.1-mini", found.variant("other").orElseThrow().settings().chatModel());
    assertEquals(50, found.variant("other").orElseThrow().weight());
    assertTrue(store().list().stream().anyMatch(e -> e.id().equals(created.id())));
    assertTrue(store().find(UUID.randomUUID()).isEmpty());
  }

  @Test
  void onlyOneExperimentRunsForTheSameCalls() {
    stopAll();
    Experiment everyLanguage = store().create("all", null, voices("marin", "cedar"));
    Experiment english = store().create("english", "en", voices("alloy", "ash"));
    Experiment spanish = store().create("spanish", "es", voices("alloy", "ash"));
    Experiment started = store().start(everyLanguage.id()).orElseThrow();
    assertTrue(started.running());
    assertTrue(started.startedAt() != null);
    ExperimentConflictException refused =
        assertThrows(ExperimentConflictException.class, () -> store().start(english.id()));
    assertTrue(refused.getMessage().contains("\"all\" is already running"), refused.getMessage());
    assertEquals(Experiment.DRAFT, store().find(english.id()).orElseThrow().status());

    store().stop(everyLanguage.id());
    assertEquals(Experiment.STOPPED, store().find(everyLanguage.id()).orElseThrow().status());
    assertTrue(store().start(english.id()).orElseThrow().running());
    assertTrue(
        store().start(spanish.id()).orElseThrow().running(), "other languages run side by side");
    assertThrows(ExperimentConflictException.class, () -> store().start(everyLanguage.id()));
    assertEquals(
        List.of("english", "spanish"),
        store().running().stream().map(Experiment::name).sorted().toList());
    assertTrue(store().start(UUID.randomUUID()).isEmpty());
    stopAll();
  }

  @Test
  void aPausedVariantIsKeptWithItsReason() {
    Experiment created = store().create("pause", null, voices("marin", "cedar"));
    Experiment paused = store().pause(created.id(), "other", "worse than control").orElseThrow();
    Variant other = paused.variant("other").orElseThrow();
    assertTrue(other.paused());
    assertEquals("worse than control", other.pausedReason());
    assertEquals("cedar", other.settings().voice());
    assertTrue(!paused.control().paused());
  }

  @Test
  void totalsAddUpEachVariantsCalls() throws Exception {
    Experiment created = store().create("totals", null, voices("marin", "cedar"));
    UUID id = created.id();
    String prefix = "CA" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    recordCall(prefix + "01", id, "control", CallOutcome.SIGNED_UP, 60, "0.100000", null, null);
    recordCall(prefix + "02", id, "control", CallOutcome.ABANDONED, 20, "0.050000", null, null);
    recordCall(prefix + "03", id, "control", CallOutcome.FAILED, 40, null, "0.002000", null);
    recordCall(prefix + "04", id, "other", CallOutcome.SIGNED_UP, 90, "0.200000", "0.001000", null);
    recordCall(
        prefix + "05", UUID.randomUUID(), "other", CallOutcome.SIGNED_UP, 30, "9", null, null);
    List<ArmTotals> totals =
        store().totals(id).stream().sorted(Comparator.comparing(ArmTotals::variant)).toList();
    assertEquals(2, totals.size(), totals.toString());
    ArmTotals control = totals.get(0);
    assertEquals("control", control.variant());
    assertEquals(3, control.calls());
    assertEquals(1, control.signups());
    assertEquals(1, control.abandoned());
    assertEquals(40.0, control.medianSeconds(), 1e-9);
    assertEquals(0, new BigDecimal("0.152").compareTo(control.costUsd()), control.toString());
    ArmTotals other = totals.get(1);
    assertEquals(1, other.calls());
    assertEquals(90.0, other.medianSeconds(), 1e-9);
    assertEquals(0, new BigDecimal("0.201").compareTo(other.costUsd()), other.toString());
    assertTrue(store().totals(UUID.randomUUID()).isEmpty());
  }

  @Test
  void anExperimentForOneLanguageCountsOnlyCallsInThatLanguage() throws Exception {
    Experiment spanish = store().create("spanish totals", "es", voices("marin", "cedar"));
    UUID id = spanish.id();
    String prefix = "CA" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    recordCall(prefix + "11", id, "control", CallOutcome.SIGNED_UP, 60, "0.100000", null, "es");
    recordCall(prefix + "12", id, "control", CallOutcome.ABANDONED, 20, "0.050000", null, "en");
    recordCall(prefix + "13", id, "other", CallOutcome.SIGNED_UP, 30, "0.200000", null, "fr");
    List<ArmTotals> totals = store().totals(id);
    assertEquals(1, totals.size(), totals.toString());
    assertEquals("control", totals.get(0).variant());
    assertEquals(1, totals.get(0).calls());
    assertEquals(1, totals.get(0).signups());
    assertEquals(0, new BigDecimal("0.1").compareTo(totals.get(0).costUsd()), totals.toString());
  }

  static Instant start() {
    return Instant.parse("2026-12-06T12:00:00Z");
  }
}
