package com.masseurmatch.waitlist.bridge.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.bridge.call.ConversationTurns.Next;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTurnsTest {

  private final ConversationTurns turns = new ConversationTurns();

  @Test
  void aToolOutputWaitsForTheResponseInProgressThenKnottyReplies() {
    turns.responseStarted();
    turns.toolStarted();
    turns.toolFinished();
    turns.answer("saved");
    assertEquals(List.of(), turns.takeOutputs());
    assertEquals(Next.NOTHING, turns.next());

    turns.responseDone();
    assertEquals(List.of("saved"), turns.takeOutputs());
    assertEquals(Next.REPLY, turns.next());
    assertEquals(List.of(), turns.takeOutputs());
    assertEquals(Next.NOTHING, turns.next());
  }

  @Test
  void outputsWaitForEveryRunningTool() {
    turns.toolStarted();
    turns.toolStarted();
    turns.toolFinished();
    turns.answer("first");
    assertFalse(turns.idle());
    assertEquals(List.of(), turns.takeOutputs());

    turns.toolFinished();
    turns.answer("second");
    assertTrue(turns.idle());
    assertEquals(List.of("first", "second"), turns.takeOutputs());
    assertEquals(Next.REPLY, turns.next());
  }

  @Test
  void endCallSendsItsOutputThenTheEndMarkOnceAndNoReply() {
    turns.responseStarted();
    turns.answer("unknown tool");
    turns.endCall("ok");
    assertTrue(turns.endCallRequested());
    assertEquals(Next.NOTHING, turns.next());

    turns.responseDone();
    assertEquals(List.of("unknown tool", "ok"), turns.takeOutputs());
    assertEquals(Next.END_MARK, turns.next());
    assertEquals(Next.NOTHING, turns.next());
  }

  @Test
  void aReplyTheBridgeAsksForCountsAsAResponseInProgress() {
    turns.responseStarted();
    assertFalse(turns.idle());
    turns.responseDone();
    assertTrue(turns.idle());
    assertEquals(Next.NOTHING, turns.next());
  }
}
