package com.masseurmatch.waitlist.bridge.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.Supplier;

/** The bridge's Prometheus metrics (at /q/metrics). */
@Singleton
public class BridgeMetrics {

  private final MeterRegistry registry;
  private final Counter callerFrames;
  private final Counter knottyFrames;
  private final Counter droppedWhileConnecting;
  private final Timer openAiConnect;
  private final Timer firstAudio;

  BridgeMetrics(MeterRegistry registry) {
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

  public void redirected(String reason) {
    registry.counter("bridge.calls.redirected", "reason", reason).increment();
  }

  public void audioDropped(String side) {
    registry.counter("bridge.backpressure.dropped", "side", side).increment();
  }

  public void openAiError(String code) {
    registry.counter("bridge.openai.errors", "code", code == null ? "none" : code).increment();
  }
}
