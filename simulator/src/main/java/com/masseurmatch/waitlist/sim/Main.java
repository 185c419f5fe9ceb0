package com.masseurmatch.waitlist.sim;

import com.masseurmatch.waitlist.sim.bench.AotTraining;
import com.masseurmatch.waitlist.sim.bench.BridgeLoad;
import com.masseurmatch.waitlist.sim.bench.ConsoleBench;
import com.masseurmatch.waitlist.sim.bench.IvrLoad;
import com.masseurmatch.waitlist.sim.bench.StartTimes;
import com.masseurmatch.waitlist.sim.call.CallCommand;

/** {@code java -jar simulator/target/simulator.jar <command> [--option value ...]}. */
public final class Main {

  private static final String USAGE =
      """
      usage: bin/bench <command> [options]
        bridge    load realtime-bridge with simulated Twilio media streams and an echoing fake OpenAI
                  --calls N (50) --seconds S (30) --ramp-seconds S (calls/100)
                  --warmup-seconds S (40) --warmup-call-seconds S (1) --warmup-passes N (1) --cold
                  --bridge-cpus LIST (0) --bridge-java-opts "..." --jar PATH
                  --target ws://host:port --secret S --pid PID --json FILE
                  --aot-output FILE (JDK 25+: train the bridge's AOT cache, bin/aot-cache)
        ivr       signed webhooks at a fixed rate against ivr-service
                  --rate RPS (500) --seconds S (30) --warmup-seconds S (60) --connections N (32)
                  --ivr-cpus LIST (0) --ivr-java-opts "..." --jar PATH --json FILE
                  --aot-output FILE (JDK 25+: train the service's AOT cache, bin/aot-cache)
        console   time the operator console's queries on an embedded database it fills
                  --entries N (100000) --calls N (200000) --days D (365) --runs N (20) --dir PATH
        aot-train train a packaged service's AOT cache (JDK 25+) with a short run of its benchmark
                  load: --module realtime-bridge|ivr-service --app DIR (MODULE/target/quarkus-app)
                  --cpus LIST (all)
        start     time a packaged service's start on one CPU, as deployed, until it is ready
                  --module realtime-bridge|ivr-service --runs N (3) --cpus LIST (0)
                  --java-opts "..." (the manifests' heap) --jar PATH
        fake-openai   run the echoing fake OpenAI Realtime server alone  --port P (8090)
        call      place one simulated call against ivr-service, following its TwiML
                  --steps "press 3; record 10" or --script FILE or --interactive, --voice FILE.wav
                  --ivr URL (http://localhost:8080)
                  --auth-token T (TWILIO_AUTH_TOKEN) --from +14155550100 --to +14155550199
      """;

  private Main() {}

  public static void main(String[] argv) throws Exception {
    if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("help")) {
      System.out.print(USAGE);
      return;
    }
    Args args = new Args(argv, 1);
    int status;
    try {
      status =
          switch (argv[0]) {
            case "bridge" -> BridgeLoad.run(args);
            case "ivr" -> IvrLoad.run(args);
            case "console" -> ConsoleBench.run(args);
            case "fake-openai" -> BridgeLoad.runFakeOpenAi(args);
            case "aot-train" -> AotTraining.run(args);
            case "start" -> StartTimes.run(args);
            case "call" -> CallCommand.run(args);
            default -> {
              System.err.print(USAGE);
              yield 2;
            }
          };
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.print(USAGE);
      status = 2;
    }
    System.exit(status);
  }
}
