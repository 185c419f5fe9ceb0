package com.masseurmatch.waitlist.testkit.openai;

/** What the fake OpenAI answers to the next {@code response.create}. */
public sealed interface Reply {

  /** Spoken audio: {@code audioBytes} of u-law in 100 ms deltas, and its transcript. */
  record Speech(String transcript, int audioBytes) implements Reply {}

  /** A function call, optionally after some spoken audio in the same response. */
  record FunctionCall(String name, String arguments, int spokenBytesBefore) implements Reply {}

  public static Reply speech(String transcript, int audioBytes) {
    return new Speech(transcript, audioBytes);
  }

  public static Reply call(String name, String arguments) {
    return new FunctionCall(name, arguments, 0);
  }
}
