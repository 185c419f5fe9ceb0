package com.masseurmatch.waitlist.sim.call;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * What the simulated caller does, one step at a time, for repeatable calls: {@code press 3}, {@code
 * say join the waitlist}, {@code silence}, {@code dial no-answer} (how the team's phone answers),
 * {@code record 12} (seconds of voicemail), {@code listen 8} (seconds on a media stream before
 * hanging up), {@code hangup}. Steps are separated by new lines or {@code ;}; {@code #} starts a
 * comment.
 */
public final class CallScript {

  /** One step. */
  public record Step(String action, String value) {}

  private final Deque<Step> steps = new ArrayDeque<>();
  private final BufferedReader keyboard;

  public CallScript(String text) {
    this(text, null);
  }

  /**
   * With a keyboard, the caller is asked for each move once the scripted steps are used up: the
   * interactive caller of {@code bin/call --interactive}.
   */
  public CallScript(String text, BufferedReader keyboard) {
    this.keyboard = keyboard;
    add(text);
  }

  private void add(String text) {
    for (String raw : text.split("[;\\n]")) {
      String line = raw.strip();
      int comment = line.indexOf('#');
      if (comment == 0) {
        continue;
      }
      if (line.isEmpty()) {
        continue;
      }
      int space = line.indexOf(' ');
      String action = (space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT);
      String value = space < 0 ? "" : line.substring(space + 1).strip();
      switch (action) {
        case "press", "say", "silence", "dial", "record", "listen", "hangup" ->
            steps.add(new Step(action, value));
        default -> throw new IllegalArgumentException("unknown step: " + line);
      }
    }
  }

  /** Asks the person at the keyboard, when there is one and no scripted step is left. */
  private void ask(String question) {
    if (keyboard == null || !steps.isEmpty()) {
      return;
    }
    while (steps.isEmpty()) {
      System.out.print(question + " > ");
      System.out.flush();
      String line;
      try {
        line = keyboard.readLine();
      } catch (IOException e) {
        line = null;
      }
      if (line == null) {
        add("hangup");
        return;
      }
      try {
        add(line);
      } catch (IllegalArgumentException e) {
        System.out.println(e.getMessage());
      }
    }
  }

  /** The caller's answer to a {@code <Gather>}: a key press, words, silence or hanging up. */
  Step nextInput() {
    ask("press <keys> | say <words> | silence | hangup");
    Step next = steps.peekFirst();
    if (next == null) {
      return new Step("hangup", "");
    }
    if (next.action().equals("dial")
        || next.action().equals("record")
        || next.action().equals("listen")) {
      return new Step("silence", "");
    }
    return steps.removeFirst();
  }

  /** How the dialled party answers: {@code dial <DialCallStatus>}, else no answer. */
  String dialStatus() {
    ask("the team's phone: dial completed | dial no-answer | dial busy");
    Step next = steps.peekFirst();
    if (next != null && next.action().equals("dial")) {
      steps.removeFirst();
      return next.value().isEmpty() ? "completed" : next.value();
    }
    return "no-answer";
  }

  /** Seconds the caller stays on a media stream before hanging up: {@code listen <s>}, else 5. */
  int listenSeconds() {
    return seconds("listen", "on the stream: listen <seconds> before hanging up");
  }

  /** Seconds the caller speaks after a {@code <Record>} beep: {@code record <seconds>}, else 5. */
  int recordSeconds() {
    return seconds("record", "voicemail: record <seconds>");
  }

  private int seconds(String action, String question) {
    ask(question);
    Step next = steps.peekFirst();
    if (next != null && next.action().equals(action)) {
      steps.removeFirst();
      return next.value().isEmpty() ? 5 : Integer.parseInt(next.value());
    }
    return 5;
  }
}
