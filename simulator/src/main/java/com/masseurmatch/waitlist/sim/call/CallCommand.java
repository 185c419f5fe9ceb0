package com.masseurmatch.waitlist.sim.call;

import com.masseurmatch.waitlist.sim.Args;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code bin/call --steps "press 3; record 10"}: one scripted call, printed as it happens. */
public final class CallCommand {

  private CallCommand() {}

  public static int run(Args args) throws Exception {
    String ivr = args.text("ivr", "http://localhost:8080").replaceAll("/+$", "");
    String token = args.text("auth-token").orElse(System.getenv("TWILIO_AUTH_TOKEN"));
    String from = args.text("from", "+14155550100");
    String to = args.text("to", "+14155550199");
    String steps =
        args.text("script").isPresent()
            ? Files.readString(Path.of(args.text("script").get()))
            : args.text("steps", "press 3; record 5");
    args.rejectUnknown();
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "give --auth-token or TWILIO_AUTH_TOKEN: the IVR's token, which signs the webhooks");
    }
    SimulatedCall call =
        new SimulatedCall(token, from, to, new CallScript(steps), System.out::println);
    System.out.println("calling " + ivr + "/api/voice as " + from + " (" + call.callSid() + ")");
    SimulatedCall.Result result = call.run(ivr + "/api/voice");
    return result.refusedStatus() == 0 ? 0 : 1;
  }
}
