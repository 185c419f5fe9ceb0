package com.masseurmatch.waitlist.sim.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.masseurmatch.waitlist.sim.bench.ServiceUnderTest;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeServer;
import com.masseurmatch.waitlist.testkit.process.FreePort;
import com.masseurmatch.waitlist.testkit.process.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged services an end-to-end call runs against: ivr-service and, with {@link
 * Builder#bridge}, the realtime-bridge beside it, each a process on a free port, sharing a new data
 * directory (and so the embedded store), with the settings every such call shares. A test adds or
 * overrides variables and hands over the fakes it set up; closing stops the processes, then closes
 * the fakes.
 */
final class CallServices implements AutoCloseable {

  static final String AUTH_TOKEN = "e2e-twilio-auth-token-0123456789";
  static final String STREAM_SECRET = "e2e-stream-token-secret-0123456789abcdef";
  static final String ADMIN_TOKEN = "e2e-admin-token-0123456789";

  /** Who calls. */
  static final String CALLER = "+14155550100";

  /** The IVR's number, which they call. */
  static final String IVR_NUMBER = "+14155550199";

  private static final Path IVR_JAR = Path.of("../ivr-service/target/quarkus-app/quarkus-run.jar");
  private static final Path BRIDGE_JAR =
      Path.of("../realtime-bridge/target/quarkus-app/quarkus-run.jar");
  private static final List<String> JAVA_OPTIONS = List.of("-Xmx128m");

  private final Path data;
  private final String base;
  private final List<AutoCloseable> owned;

  private CallServices(Path data, String base, List<AutoCloseable> owned) {
    this.data = data;
    this.base = base;
    this.owned = owned;
  }

  /** Services whose data directory is a new temporary one named from {@code prefix}. */
  static Builder in(String prefix) {
    return new Builder(prefix);
  }

  /** The data directory both services share. */
  Path data() {
    return data;
  }

  /** The embedded store's database. */
  Path db() {
    return data.resolve("waitlist.db");
  }

  /** The IVR's base URL, as {@code PUBLIC_BASE_URL}. */
  String base() {
    return base;
  }

  /** The webhook Twilio calls when a call comes in. */
  String voiceUrl() {
    return base + "/api/voice";
  }

  /** A signed call from {@link #CALLER} to {@link #IVR_NUMBER} that follows {@code steps}. */
  static SimulatedCall call(String steps, List<String> lines) {
    return call(IVR_NUMBER, steps, lines);
  }

  /** A signed call from {@link #CALLER} to {@code to} that follows {@code steps}. */
  static SimulatedCall call(String to, String steps, List<String> lines) {
    return new SimulatedCall(AUTH_TOKEN, CALLER, to, new CallScript(steps), lines::add);
  }

  /** A call from {@link #CALLER} to {@link #IVR_NUMBER}, placed and over. */
  Placed place(String steps) throws Exception {
    return place(IVR_NUMBER, steps);
  }

  /** A call from {@link #CALLER} to {@code to}, placed and over. */
  Placed place(String to, String steps) throws Exception {
    List<String> lines = new ArrayList<>();
    SimulatedCall call = call(to, steps, lines);
    SimulatedCall.Result result = call.run(voiceUrl());
    return new Placed(call, result, String.join("\n", lines));
  }

  /** A finished call, what it heard and did, and its printed lines as one text. */
  record Placed(SimulatedCall call, SimulatedCall.Result result, String log) {

    /** Every webhook was answered (none refused) and Twilio reported no error. */
    void assertAnswered() {
      assertEquals(0, result.refusedStatus(), log);
      assertEquals(List.of(), result.twilioErrors(), log);
    }
  }

  /** Stops the IVR, then the bridge, then closes the fakes, last handed over first. */
  @Override
  public void close() throws Exception {
    closeAll(owned);
  }

  private static void closeAll(List<AutoCloseable> owned) throws Exception {
    Exception failure = null;
    for (int i = owned.size() - 1; i >= 0; i--) {
      try {
        owned.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** What to start; each variable set here overrides the shared one of that name. */
  static final class Builder {
    private final String prefix;
    private final Map<String, String> ivrEnv = new LinkedHashMap<>();
    private final Map<String, String> bridgeEnv = new LinkedHashMap<>();
    private final List<AutoCloseable> fakes = new ArrayList<>();
    private FakeRealtimeServer openai;

    private Builder(String prefix) {
      this.prefix = prefix;
    }

    /**
     * Starts the realtime-bridge too, against {@code openai} (started here, closed with the
     * services), and points the IVR's option 1 at it.
     */
    Builder bridge(FakeRealtimeServer openai) {
      this.openai = openai;
      return this;
    }

    /** A fake the test started: closed after the processes. */
    Builder fake(AutoCloseable fake) {
      fakes.add(fake);
      return this;
    }

    Builder ivrEnv(String name, String value) {
      ivrEnv.put(name, value);
      return this;
    }

    Builder bridgeEnv(String name, String value) {
      bridgeEnv.put(name, value);
      return this;
    }

    /** The team's number and transfer hours that are always open. */
    Builder transferAlwaysOpen() {
      return ivrEnv("TEAM_PHONE_NUMBER", "+14155550123")
          .ivrEnv("TWILIO_PHONE_NUMBER", IVR_NUMBER)
          .ivrEnv("IVR_TRANSFER_DAYS", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY")
          .ivrEnv("IVR_TRANSFER_OPENS", "00:00")
          .ivrEnv("IVR_TRANSFER_CLOSES", "23:59");
    }

    /** Option 1 is offered (there is a key), but Chat Completions does not answer. */
    Builder unreachableChat() {
      return ivrEnv("OPENAI_API_KEY", "sk-e2e-unused")
          .ivrEnv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1");
    }

    /** The IVR's option 1 points at a bridge that is not running. */
    Builder stoppedBridge() {
      return ivrEnv("REALTIME_WEBSOCKET_URL", "ws://127.0.0.1:9");
    }

    /** Starts the fake OpenAI, the bridge and the IVR; returns once both answer ready. */
    CallServices start() throws Exception {
      List<AutoCloseable> owned = new ArrayList<>(fakes);
      try {
        Path data = Files.createTempDirectory(prefix);
        Map<String, String> ivr = new LinkedHashMap<>();
        if (openai != null) {
          owned.add(openai);
          openai.start();
          int bridgePort = FreePort.find();
          owned.add(startBridge(bridgePort, data));
          ivr.put("REALTIME_WEBSOCKET_URL", "ws://127.0.0.1:" + bridgePort);
        }
        int port = FreePort.find();
        String base = "http://127.0.0.1:" + port;
        ivr.put("TWILIO_AUTH_TOKEN", AUTH_TOKEN);
        ivr.put("PUBLIC_BASE_URL", base);
        ivr.put("STREAM_TOKEN_SECRET", STREAM_SECRET);
        ivr.put("ADMIN_TOKEN", ADMIN_TOKEN);
        ivr.put("WAITLIST_DATA_DIR", data.toString());
        ivr.put("WAITLIST_STORE", "embedded");
        ivr.putAll(ivrEnv);
        owned.add(
            ServiceUnderTest.start(
                IVR_JAR, port, null, JAVA_OPTIONS, ivr, data.resolve("ivr-service.log")));
        return new CallServices(data, base, owned);
      } catch (Exception | Error e) {
        try {
          closeAll(owned);
        } catch (Exception closing) {
          e.addSuppressed(closing);
        }
        throw e;
      }
    }

    private ServiceProcess startBridge(int port, Path data) throws Exception {
      Map<String, String> env = new LinkedHashMap<>();
      env.put("STREAM_TOKEN_SECRET", STREAM_SECRET);
      env.put("OPENAI_API_KEY", FakeRealtimeServer.API_KEY);
      env.put("OPENAI_REALTIME_URL", openai.url());
      env.put("WAITLIST_DATA_DIR", data.toString());
      env.put("WAITLIST_STORE", "embedded");
      env.put("BRIDGE_WARMUP_CALLS", "0");
      env.putAll(bridgeEnv);
      return ServiceUnderTest.start(
          BRIDGE_JAR, port, null, JAVA_OPTIONS, env, data.resolve("realtime-bridge.log"));
    }
  }
}
