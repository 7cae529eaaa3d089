package io.jornada.gateway;

/** Keys travel as strings in JSON bodies and as numbers in paths. */
final class Keys {

  private Keys() {}

  static String format(long key) {
    return Long.toString(key);
  }

  /** Parses a key from a path or body; throws {@link InvalidRequestException} with a clear message. */
  static long parse(String name, String value) {
    try {
      long key = Long.parseLong(value);
      if (key > 0) {
        return key;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidRequestException("Expected " + name + " to be a positive number, but was '" + value + "'");
  }
}
