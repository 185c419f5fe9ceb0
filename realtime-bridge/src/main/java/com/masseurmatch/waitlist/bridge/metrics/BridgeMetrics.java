package com.masseurmatch.waitlist.bridge.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.Supplier;

/** The bridge's Prometheus metrics (at /q/metrics on the management port). */
@Singleton
public class BridgeMetrics {

  private final MeterRegistry registry;
  private final Counter callerFrames;
  private final Counter knottyFrames;
  private final Counter droppedWhileConnecting;
  private final Timer openAiConnect;
  private final Timer firstAudio;

  public BridgeMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.callerFrames =
        Counter.builder("bridge.frames.forwarded")
            .description("Audio frames forwarded")
            .tag("direction", "caller_to_openai")
            .register(registry);
    this.knottyFrames =
        Counter.builder("bridge.frames.forwarded")
            .description("Audio frames forwarded")
            .tag("direction", "openai_to_caller")
            .register(registry);
    this.droppedWhileConnecting =
        Counter.builder("bridge.audio.dropped")
            .description("Caller frames dropped because the connect buffer was full")
            .register(registry);
    this.openAiConnect =
        Timer.builder("bridge.openai.connect")
            .description("Time to open the OpenAI Realtime socket")
            .register(registry);
    this.firstAudio =
        Timer.builder("bridge.first.audio")
            .description("Time from Twilio start to the first audio sent back")
            .register(registry);
  }

  public void activeCalls(Supplier<Number> count) {
    io.micrometer.core.instrument.Gauge.builder("bridge.active.calls", count)
        .description("Calls in progress")
        .register(registry);
  }

  public void callerFrame() {
    callerFrames.increment();
  }

  public void knottyFrame() {
    knottyFrames.increment();
  }

  public void droppedWhileConnecting() {
    droppedWhileConnecting.increment();
  }

  public void openAiConnected(Duration took) {
    openAiConnect.record(took);
  }

  public void firstAudio(Duration took) {
    firstAudio.record(took);
  }

  public void callEnded(String outcome) {
    registry.counter("bridge.calls", "outcome", outcome).increment();
  }

  public void toolResult(String tool, String result) {
    registry.counter("bridge.tool.results", "tool", tool, "result", result).increment();
  }

  public void malformed(String side) {
    registry.counter("bridge.frames.malformed", "side", side).increment();
  }

  public void unknownEvent(String side) {
    registry.counter("bridge.events.unknown", "side", side).increment();
  }

  public void streamRejected(String reason) {
    registry.counter("bridge.streams.rejected", "reason", reason).increment();
  }

  public void twilioRestFailure(String what) {
    registry.counter("bridge.twilio.rest.failures", "request", what).increment();
  }

  /** The bridge decided to end a call: Knotty said goodbye, or the call ran past its limit. */
  public void hungUp() {
    registry.counter("bridge.calls.hung.up").increment();
  }

  public void redirected(String reason) {
    registry.counter("bridge.calls.redirected", "reason", reason).increment();
  }

  public void audioDropped(String side) {
    registry.counter("bridge.backpressure.dropped", "side", side).increment();
  }

  public void openAiError(String code) {
    registry.counter("bridge.openai.errors", "code", code == null ? "none" : code).increment();
  }

  /** A tool threw instead of answering; the call got a failure output. */
  public void toolFailed(String tool) {
    registry.counter("bridge.tool.failures", "tool", tool).increment();
  }

  public void oldestToolCall(Supplier<Number> seconds) {
    io.micrometer.core.instrument.Gauge.builder("bridge.tool.oldest.waiting", seconds)
        .description("Seconds the oldest tool call still running has waited for its output")
        .baseUnit("seconds")
        .register(registry);
  }

  public void unsavedSignups(Supplier<Number> held) {
    io.micrometer.core.instrument.Gauge.builder("bridge.signups.unsaved", held)
        .description("Signups neither the store nor the outbox took, held in memory (an alarm)")
        .register(registry);
  }

  public void outboxWriteFailed() {
    registry.counter("bridge.outbox.write.failures").increment();
  }
}
