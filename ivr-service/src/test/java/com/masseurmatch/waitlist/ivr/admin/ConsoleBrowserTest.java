package com.masseurmatch.waitlist.ivr.admin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The console in Chromium on the embedded store. */
@QuarkusTest
@QuarkusTestResource(value = ConsoleTwilioFake.class, restrictToAnnotatedClass = true)
class ConsoleBrowserTest extends ConsoleBrowserChecks {}
