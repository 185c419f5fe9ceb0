package com.masseurmatch.waitlist.sim.call;

import com.masseurmatch.waitlist.sim.Args;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code bin/call --steps "press 3; record 10"}: one call, printed as it happens; {@code
 * --interactive} asks for each move, {@code --voice FILE.wav} is the caller's voice on a stream.
 */
public final class CallCommand {

  private CallCommand() {}

  public static int run(Args args) throws Exception {
    String ivr = args.text("ivr", "http://localhost:8080").replaceAll("/+$", "");
    String token = args.text("auth-token").orElse(System.getenv("TWILIO_AUTH_TOKEN"));
    String from = args.text("from", "+14155550100");
    String to = args.text("to", "+14155550199");
    boolean interactive = args.flag("interactive");
    String steps =
        args.text("script").isPresent()
            ? Files.readString(Path.of(args.text("script").get()))
            : args.text("steps", interactive ? "" : "press 3; record 5");
    var voice = args.text("voice");
    args.rejectUnknown();
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "give --auth-token or TWILIO_AUTH_TOKEN: the IVR's token, which signs the webhooks");
    }
    CallScript script =
        new CallScript(
            steps,
            interactive
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : null);
    SimulatedCall call = new SimulatedCall(token, from, to, script, System.out::println);
    if (voice.isPresent()) {
      call.speaking(Path.of(voice.get()));
    }
    System.out.println("calling " + ivr + "/api/voice as " + from + " (" + call.callSid() + ")");
    SimulatedCall.Result result = call.run(ivr + "/api/voice");
    if (!result.twilioErrors().isEmpty()) {
      System.out.println("Twilio would report: " + String.join("; ", result.twilioErrors()));
    }
    return result.refusedStatus() == 0 && result.twilioErrors().isEmpty() ? 0 : 1;
  }
}
