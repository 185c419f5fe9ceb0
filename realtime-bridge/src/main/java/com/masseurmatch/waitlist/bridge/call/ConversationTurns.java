package com.masseurmatch.waitlist.bridge.call;

import java.util.ArrayList;
import java.util.List;

/**
 * Whose turn it is in one call's conversation with the model. Tool outputs wait until the response
 * in progress is done and no tool is still running (a {@code response.create} during an active
 * response is an error at OpenAI); then Knotty is asked to reply to them, or, once it called {@code
 * end_call}, the goodbye is left to play out. Not thread-safe: its {@link CallSession} guards it.
 */
final class ConversationTurns {

  /** What the call does once the outputs are sent. */
  enum Next {
    NOTHING,
    /** ask for Knotty's next reply */
    REPLY,
    /** mark the end of the goodbye, so the call hangs up once it has played */
    END_MARK
  }

  private final List<String> readyOutputs = new ArrayList<>();
  private boolean responseActive;
  private int toolsRunning;
  private boolean replyOwed;
  private boolean endCallRequested;
  private boolean endMarkSent;

  /** A response began: OpenAI's {@code response.created}, or the bridge asked for one. */
  void responseStarted() {
    responseActive = true;
  }

  void responseDone() {
    responseActive = false;
  }

  void toolStarted() {
    toolsRunning++;
  }

  void toolFinished() {
    toolsRunning--;
  }

  /** A tool's output, to send when the turn allows; Knotty then replies to it. */
  void answer(String output) {
    readyOutputs.add(output);
    replyOwed = true;
  }

  /** Knotty called {@code end_call}: its output goes out, and no reply is asked for after it. */
  void endCall(String output) {
    endCallRequested = true;
    readyOutputs.add(output);
  }

  boolean endCallRequested() {
    return endCallRequested;
  }

  /** No response in progress and no tool running. */
  boolean idle() {
    return !responseActive && toolsRunning == 0;
  }

  /** The outputs to send now, in order; none while a response or a tool is in progress. */
  List<String> takeOutputs() {
    if (!idle() || readyOutputs.isEmpty()) {
      return List.of();
    }
    List<String> outputs = List.copyOf(readyOutputs);
    readyOutputs.clear();
    return outputs;
  }

  /** What follows the outputs; each reply and the end mark are handed out once. */
  Next next() {
    if (!idle()) {
      return Next.NOTHING;
    }
    if (endCallRequested) {
      if (endMarkSent) {
        return Next.NOTHING;
      }
      endMarkSent = true;
      return Next.END_MARK;
    }
    if (replyOwed) {
      replyOwed = false;
      return Next.REPLY;
    }
    return Next.NOTHING;
  }
}
