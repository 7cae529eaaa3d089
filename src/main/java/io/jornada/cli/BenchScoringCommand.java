package io.jornada.cli;

import io.jornada.scoring.ScoringCommands;

/** Entry point of {@code ./jornada bench scoring}; runs without the web application or the engine. */
public final class BenchScoringCommand {

  private BenchScoringCommand() {}

  public static void main(String[] args) {
    System.exit(ScoringCommands.benchScoring(args, System.out));
  }
}
