package com.masseurmatch.waitlist.sim.call;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What a simulated call heard, did and would show in Twilio's debugger, printed as it happens. */
final class CallTranscript {

  private final Consumer<String> out;
  private final List<String> heard = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final List<String> twilioErrors = new ArrayList<>();

  CallTranscript(Consumer<String> out) {
    this.out = out;
  }

  /** Something the caller heard. */
  void heard(String line) {
    heard.add(line);
    out.accept("heard: " + line);
  }

  /** Something that happened. */
  void event(String text) {
    events.add(text);
    out.accept("-- " + text);
  }

  /** An error or warning Twilio would log for the account. */
  void twilioError(String text) {
    twilioErrors.add(text);
    event("Twilio error " + text);
  }

  /** A line of the printout only. */
  void print(String line) {
    out.accept(line);
  }

  SimulatedCall.Result result(int refusedStatus) {
    return new SimulatedCall.Result(heard, events, refusedStatus, twilioErrors);
  }
}
