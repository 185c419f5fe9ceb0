package com.masseurmatch.waitlist.bridge.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.bridge.config.BridgeConfig;
import com.masseurmatch.waitlist.bridge.config.OpenAiConfig;
import com.masseurmatch.waitlist.bridge.openai.RealtimeCodec;
import com.masseurmatch.waitlist.bridge.openai.RealtimeConnector;
import com.masseurmatch.waitlist.bridge.openai.RealtimeSessionFactory;
import com.masseurmatch.waitlist.bridge.twilio.TwilioCallControl;
import com.masseurmatch.waitlist.bridge.twilio.TwilioCodec;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.outbox.SignupOutbox;
import com.masseurmatch.waitlist.model.tool.SaveWaitlistEntryTool;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Everything a {@link CallSession} uses that outlives it, in one bean (a singleton: sessions read
 * its fields).
 */
@Singleton
public class CallServices {

  final BridgeConfig config;
  final OpenAiConfig openAi;
  final TwilioCodec twilioCodec;
  final RealtimeCodec realtimeCodec;

  /** Knotty's {@code session.update}: the same for every call, so written once. */
  final String sessionUpdate;

  final RealtimeConnector connector;
  final SaveWaitlistEntryTool saveTool;
  final TwilioCallControl callControl;
  final CallRecordStore callRecords;
  final BridgeMetrics metrics;
  final ManagedExecutor blocking;
  final Vertx vertx;
  final Clock clock;
  final SignupOutbox outbox;

  /** The start-up warm-up's calls: never sent to Twilio's REST API. */
  final boolean synthetic;

  @Inject
  CallServices(
      BridgeConfig config,
      OpenAiConfig openAi,
      ObjectMapper json,
      RealtimeConnector connector,
      SaveWaitlistEntryTool saveTool,
      TwilioCallControl callControl,
      CallRecordStore callRecords,
      BridgeMetrics metrics,
      ManagedExecutor blocking,
      Vertx vertx,
      Clock clock,
      SignupOutbox outbox) {
    this.config = config;
    this.openAi = openAi;
    this.twilioCodec = new TwilioCodec(json, config.maxFrameBytes());
    this.realtimeCodec = new RealtimeCodec(json, config.maxFrameBytes());
    this.sessionUpdate = realtimeCodec.sessionUpdate(new RealtimeSessionFactory(openAi).session());
    this.connector = connector;
    this.saveTool = saveTool;
    this.callControl = callControl;
    this.callRecords = callRecords;
    this.metrics = metrics;
    this.blocking = blocking;
    this.vertx = vertx;
    this.clock = clock;
    this.outbox = outbox;
    this.synthetic = false;
  }

  /** A copy of these services whose calls leave no trace: no records, private metrics. */
  private CallServices(CallServices from, RealtimeConnector connector) {
    this.config = from.config;
    this.openAi = from.openAi;
    this.twilioCodec = from.twilioCodec;
    this.realtimeCodec = from.realtimeCodec;
    this.sessionUpdate = from.sessionUpdate;
    this.connector = connector;
    this.saveTool = from.saveTool;
    this.callControl = from.callControl;
    this.callRecords = NO_RECORDS;
    this.metrics = new BridgeMetrics(new SimpleMeterRegistry());
    this.blocking = from.blocking;
    this.vertx = from.vertx;
    this.clock = from.clock;
    this.outbox = from.outbox;
    this.synthetic = true;
  }

  /** For the start-up warm-up's synthetic calls, which talk to a loopback echo. */
  CallServices forWarmup(RealtimeConnector loopback) {
    return new CallServices(this, loopback);
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
}
