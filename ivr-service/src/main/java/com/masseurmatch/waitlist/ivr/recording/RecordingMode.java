package com.masseurmatch.waitlist.ivr.recording;

/** Whether and how callers are asked before their call is recorded ({@code RECORDING_MODE}). */
public enum RecordingMode {
  /** Nothing is recorded but voicemails. */
  OFF,
  /** The caller is asked and chooses; no answer means no recording. */
  ASK,
  /** The caller is told and may decline; staying on the line without declining is consent. */
  ANNOUNCE
}
