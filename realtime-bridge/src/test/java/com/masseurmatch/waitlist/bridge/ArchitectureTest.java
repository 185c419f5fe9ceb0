package com.masseurmatch.waitlist.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of the bridge's main code, read from its sources: public framework APIs only, packages
 * that import one way, the Twilio and OpenAI sides apart, small classes.
 */
class ArchitectureTest {

  private static final String ROOT = "com.masseurmatch.waitlist.bridge.";
  private static final Path SOURCES = Path.of("src/main/java/com/masseurmatch/waitlist/bridge");
  private static final Pattern IMPORT = Pattern.compile("(?m)^import (static )?([\\w.]+)\\s*;");

  private static final Map<Path, String> files = new TreeMap<>();

  @BeforeAll
  static void read() throws IOException {
    try (Stream<Path> paths = Files.walk(SOURCES)) {
      for (Path path : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
        files.put(path, Files.readString(path));
      }
    }
    assertFalse(files.isEmpty(), "no sources under " + SOURCES.toAbsolutePath());
  }

  @Test
  void noFrameworkInternals() {
    List<String> found = new ArrayList<>();
    files.forEach(
        (path, text) -> {
          if (text.contains("setAccessible(")) {
            found.add(path + ": setAccessible");
          }
          for (String imported : imports(text)) {
            if (imported.contains(".impl.") || imported.contains(".internal.")) {
              found.add(path + ": imports " + imported);
            }
          }
        });
    assertEquals(List.of(), found);
  }

  @Test
  void theTwilioAndOpenAiSidesNeverImportEachOther() {
    Map<String, Set<String>> graph = packageGraph();
    assertFalse(graph.get("twilio").contains("openai"), "twilio imports openai");
    assertFalse(graph.get("openai").contains("twilio"), "openai imports twilio");
    for (String leaf : List.of("frame", "metrics", "config")) {
      assertEquals(Set.of(), graph.get(leaf), leaf + " must not depend on the bridge's packages");
    }
  }

  @Test
  void noImportCyclesBetweenPackages() {
    Map<String, Set<String>> graph = packageGraph();
    List<String> cycles = new ArrayList<>();
    for (String start : graph.keySet()) {
      if (reaches(graph, start, start, new HashSet<>())) {
        cycles.add(start);
      }
    }
    assertEquals(List.of(), cycles, "packages on an import cycle; graph " + graph);
  }

  @Test
  void noClassOver300Lines() {
    List<String> large = new ArrayList<>();
    files.forEach(
        (path, text) -> {
          long lines = text.lines().count();
          if (lines > 300) {
            large.add(path + ": " + lines);
          }
        });
    assertEquals(List.of(), large);
  }

  private static boolean reaches(
      Map<String, Set<String>> graph, String from, String target, Set<String> seen) {
    for (String next : graph.getOrDefault(from, Set.of())) {
      if (next.equals(target)) {
        return true;
      }
      if (seen.add(next) && reaches(graph, next, target, seen)) {
        return true;
      }
    }
    return false;
  }

  /** Bridge package to the bridge packages it imports. */
  private static Map<String, Set<String>> packageGraph() {
    Map<String, Set<String>> graph = new TreeMap<>();
    files.forEach(
        (path, text) -> {
          String own = SOURCES.relativize(path).getParent().toString().replace('/', '.');
          Set<String> targets = graph.computeIfAbsent(own, k -> new TreeSet<>());
          for (String imported : imports(text)) {
            if (imported.startsWith(ROOT)) {
              String target = imported.substring(ROOT.length());
              target = target.substring(0, target.indexOf('.'));
              if (!target.equals(own)) {
                targets.add(target);
              }
            }
          }
        });
    return graph;
  }

  private static List<String> imports(String text) {
    List<String> imports = new ArrayList<>();
    Matcher matcher = IMPORT.matcher(text);
    while (matcher.find()) {
      imports.add(matcher.group(2));
    }
    return imports;
  }
}
