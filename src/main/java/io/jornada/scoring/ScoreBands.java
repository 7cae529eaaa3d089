package io.jornada.scoring;

/**
 * Probability thresholds of the bands: A from {@code a}, B from {@code b}, C from {@code c}, D
 * below.
 */
record ScoreBands(double a, double b, double c) {

  ScoreBands {
    if (!(0 < c && c < b && b < a && a <= 1)) {
      throw new IllegalArgumentException(
          "band thresholds must satisfy 0 < c < b < a <= 1, got a=" + a + " b=" + b + " c=" + c);
    }
  }

  String bandOf(double probability) {
    if (probability >= a) {
      return "A";
    } else if (probability >= b) {
      return "B";
    } else if (probability >= c) {
      return "C";
    }
    return "D";
  }
}
