package io.jornada.cli;

import io.jornada.scoring.ScoringCommands;

/** Entry point of {@code ./jornada evaluate}; runs without the web application or the engine. */
public final class EvaluateCommand {

  private EvaluateCommand() {}

  public static void main(String[] args) {
    System.exit(ScoringCommands.evaluate(args, System.out));
  }
}
