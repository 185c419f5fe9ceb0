package com.masseurmatch.waitlist.bridge.call;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.bridge.config.BridgeConfig;
import com.masseurmatch.waitlist.bridge.config.KnottyLanguagesConfig;
import com.masseurmatch.waitlist.bridge.config.OpenAiConfig;
import com.masseurmatch.waitlist.bridge.metrics.BridgeMetrics;
import com.masseurmatch.waitlist.bridge.openai.RealtimeCodec;
import com.masseurmatch.waitlist.bridge.openai.RealtimeConnector;
import com.masseurmatch.waitlist.bridge.openai.RealtimeSessionFactory;
import com.masseurmatch.waitlist.bridge.twilio.TwilioCallControl;
import com.masseurmatch.waitlist.bridge.twilio.TwilioCodec;
import com.masseurmatch.waitlist.bridge.variant.VariantSessions;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.experiment.ExperimentStore;
import com.masseurmatch.waitlist.model.job.JobStore;
import com.masseurmatch.waitlist.model.text.BrandConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.context.ManagedExecutor;

/** Everything a call uses that outlives it, in one bean (a singleton: calls read its fields). */
@Singleton
public class CallServices {

  /** Largest Twilio or OpenAI text frame accepted; larger ones are counted and ignored. */
  static final int MAX_FRAME_BYTES = 262_144;

  final BridgeConfig config;
  final OpenAiConfig openAi;
  final TwilioCodec twilioCodec;
  final RealtimeCodec realtimeCodec;

  /** Knotty's set-up per language (written once) and per experiment variant (read once). */
  final VariantSessions variants;

  final RealtimeConnector connector;
  final ToolRunner tools;
  final CallControl callControl;
  final CallRecordStore callRecords;

  /** Where a finished call's analysis is queued (ivr-service runs it); null for untraced calls. */
  final JobStore jobs;

  final BridgeMetrics metrics;
  final ManagedExecutor blocking;
  final Vertx vertx;
  final Clock clock;
  final CallLog log;

  @Inject
  CallServices(
      BridgeConfig config,
      OpenAiConfig openAi,
      ObjectMapper json,
      RealtimeConnector connector,
      ToolRunner tools,
      TwilioCallControl twilio,
      CallRecordStore callRecords,
      JobStore jobs,
      ExperimentStore experiments,
      BridgeMetrics metrics,
      ManagedExecutor blocking,
      Vertx vertx,
      Clock clock,
      KnottyLanguagesConfig languages,
      BrandConfig brand) {
    this.config = config;
    this.openAi = openAi;
    this.twilioCodec = new TwilioCodec(json, MAX_FRAME_BYTES);
    this.realtimeCodec = new RealtimeCodec(json, MAX_FRAME_BYTES);
    this.variants =
        new VariantSessions(
            experiments,
            openAi,
            new RealtimeSessionFactory(openAi, languages, brand),
            realtimeCodec,
            blocking);
    this.connector = connector;
    this.tools = tools;
    this.callControl =
        new CallControl() {
          @Override
          public boolean hangUp(String callSid) {
            return twilio.hangUp(callSid);
          }

          @Override
          public boolean redirectToFallback(String callSid) {
            return twilio.redirectToFallback(callSid);
          }
        };
    this.callRecords = callRecords;
    this.jobs = jobs;
    this.metrics = metrics;
    this.blocking = blocking;
    this.vertx = vertx;
    this.clock = clock;
    this.log = CallLog.INFO;
  }

  private CallServices(
      CallServices from,
      RealtimeConnector connector,
      CallControl callControl,
      CallRecordStore callRecords,
      BridgeMetrics metrics) {
    this.config = from.config;
    this.openAi = from.openAi;
    this.twilioCodec = from.twilioCodec;
    this.realtimeCodec = from.realtimeCodec;
    this.variants = from.variants;
    this.connector = connector;
    this.tools = from.tools;
    this.callControl = callControl;
    this.callRecords = callRecords;
    this.jobs = null;
    this.metrics = metrics;
    this.blocking = from.blocking;
    this.vertx = from.vertx;
    this.clock = from.clock;
    this.log = CallLog.NONE;
  }

  /**
   * The same services for calls that leave no trace: another OpenAI server, no records, private
   * metrics and no phone call to control (the stream is closed instead).
   */
  public CallServices untraced(RealtimeConnector connector) {
    return new CallServices(
        this,
        connector,
        CallControl.NONE,
        NO_RECORDS,
        new BridgeMetrics(new SimpleMeterRegistry()));
  }

  private static final CallRecordStore NO_RECORDS =
      new CallRecordStore() {
        @Override
        public void upsert(CallRecord record) {}

        @Override
        public Optional<CallRecord> find(String callSid) {
          return Optional.empty();
        }

        @Override
        public List<CallRecord> recent(int limit) {
          return List.of();
        }
      };

  public TwilioCodec twilioCodec() {
    return twilioCodec;
  }

  public BridgeMetrics metrics() {
    return metrics;
  }

  public BridgeConfig config() {
    return config;
  }

  public Vertx vertx() {
    return vertx;
  }

  public ManagedExecutor blocking() {
    return blocking;
  }
}
