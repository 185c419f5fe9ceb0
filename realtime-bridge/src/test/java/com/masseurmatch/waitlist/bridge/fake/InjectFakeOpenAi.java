package com.masseurmatch.waitlist.bridge.fake;

import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeServer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the field that receives the {@link FakeRealtimeServer}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectFakeOpenAi {}
