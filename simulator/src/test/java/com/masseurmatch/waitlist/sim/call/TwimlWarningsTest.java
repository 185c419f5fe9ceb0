package com.masseurmatch.waitlist.sim.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The TwiML a simulated call flags as Twilio would. */
class TwimlWarningsTest {

  private static List<String> check(String body) throws Exception {
    String twiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + body + "</Response>";
    return TwimlWarnings.check(twiml, TwimlDocument.parse(twiml));
  }

  @Test
  void autoSpeechTimeoutWithASpeechModelIsFlagged() throws Exception {
    List<String> found =
        check(
            "<Gather input=\"speech dtmf\" speechModel=\"phone_call\" speechTimeout=\"auto\""
                + " action=\"/next\"><Say>Your name?</Say></Gather>");
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).startsWith("13335/13327"), found.get(0));
  }

  @Test
  void secondsWithASpeechModelAndAutoWithoutOneAreFine() throws Exception {
    assertEquals(
        List.of(),
        check(
            "<Gather input=\"speech\" speechModel=\"phone_call\" speechTimeout=\"2\""
                + " action=\"/a\"><Say>Your name?</Say></Gather>"
                + "<Gather input=\"dtmf speech\" numDigits=\"1\" speechTimeout=\"auto\""
                + " action=\"/b\"><Say>Press 1 or say waitlist.</Say></Gather>"));
  }

  @Test
  void aPromptForOneKeyNeedsNumDigitsOne() throws Exception {
    List<String> found =
        check(
            "<Gather input=\"dtmf\" finishOnKey=\"#\" action=\"/a\"><Say>To use this number,"
                + " press 1. Otherwise enter your number, then press pound.</Say></Gather>");
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).contains("asks for one key"), found.get(0));
    assertEquals(
        List.of(),
        check(
            "<Gather input=\"dtmf\" finishOnKey=\"#\" action=\"/a\"><Say>Enter your number,"
                + " then press pound.</Say></Gather>"));
  }

  @Test
  void streamsAndLimitsAreChecked() throws Exception {
    List<String> found =
        check(
            "<Connect action=\"/ended\"><Stream url=\"wss://bridge.example.org/media?x=1\""
                + " track=\"both_tracks\"><Parameter name=\"token\" value=\""
                + "t".repeat(500)
                + "\"/></Stream></Connect>");
    assertEquals(3, found.size(), found.toString());
    assertTrue(found.get(0).startsWith("31920"), found.toString());
    assertTrue(found.get(1).startsWith("31941"), found.toString());
    assertTrue(found.get(2).contains("limit 500"), found.toString());
    assertTrue(check("<Gather><Say>Hello</Say></Gather>").get(0).contains("without an action"));
  }
}
