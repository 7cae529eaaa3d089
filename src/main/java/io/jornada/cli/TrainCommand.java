package io.jornada.cli;

import io.jornada.scoring.ScoringCommands;

/** Entry point of {@code ./jornada train}; runs without the web application or the engine. */
public final class TrainCommand {

  private TrainCommand() {}

  public static void main(String[] args) {
    System.exit(ScoringCommands.train(args, System.out));
  }
}
