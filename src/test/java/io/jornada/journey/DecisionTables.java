package io.jornada.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDmn;

/** The real dmn-scala engine (the one Camunda 8 uses) evaluating a file from {@code dmn/}. */
final class DecisionTables {

  private static final DmnEngine ENGINE = new DmnEngine.Builder().build();

  private final ParsedDmn parsed;
  private final String decisionId;

  DecisionTables(String decisionId) {
    this.decisionId = decisionId;
    try (InputStream in = Files.newInputStream(Path.of("dmn", decisionId + ".dmn"))) {
      var result = ENGINE.parse(in);
      assertThat(result.isRight()).as("%s parses: %s", decisionId, result).isTrue();
      this.parsed = result.toOption().get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Object evaluate(Map<String, Object> variables) {
    var result = ENGINE.eval(parsed, decisionId, variables);
    assertThat(result.isRight()).as("%s evaluates %s: %s", decisionId, variables, result).isTrue();
    var value = result.toOption().get();
    return value.isNil() ? null : value.value();
  }
}
