package io.jornada.lead;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the engagement hash's {@code decayed} field: the record script keeps a lead's decayed
 * counters there as one MessagePack map of counter name to sum ({@code cmsgpack.pack} of a Lua
 * table), so recording reads and writes one field, not one per counter, and no number is
 * formatted as text. Only what {@code cmsgpack} writes for such a table is read: a map (or the
 * empty array of an empty table) of strings to integers or floats.
 */
final class PackedCounters {

  private PackedCounters() {}

  static Map<String, Double> decode(byte[] packed) {
    ByteBuffer in = ByteBuffer.wrap(packed);
    int head = in.get() & 0xff;
    int entries;
    if (head >= 0x80 && head <= 0x8f) {
      entries = head & 0x0f;
    } else if (head == 0xde) {
      entries = in.getShort() & 0xffff;
    } else if (head == 0xdf) {
      entries = in.getInt();
    } else if (head == 0x90) {
      entries = 0;
    } else {
      throw new IllegalArgumentException("not a MessagePack map of counters (first byte 0x" + Integer.toHexString(head) + ")");
    }
    Map<String, Double> counters = new TreeMap<>();
    for (int i = 0; i < entries; i++) {
      counters.put(string(in), number(in));
    }
    return counters;
  }

  private static String string(ByteBuffer in) {
    int head = in.get() & 0xff;
    int length;
    if (head >= 0xa0 && head <= 0xbf) {
      length = head & 0x1f;
    } else if (head == 0xd9) {
      length = in.get() & 0xff;
    } else if (head == 0xda) {
      length = in.getShort() & 0xffff;
    } else if (head == 0xdb) {
      length = in.getInt();
    } else {
      throw new IllegalArgumentException("a counter name is not a MessagePack string (0x" + Integer.toHexString(head) + ")");
    }
    byte[] bytes = new byte[length];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static double number(ByteBuffer in) {
    int head = in.get() & 0xff;
    if (head <= 0x7f) {
      return head;
    }
    if (head >= 0xe0) {
      return (byte) head;
    }
    return switch (head) {
      case 0xca -> in.getFloat();
      case 0xcb -> in.getDouble();
      case 0xcc -> in.get() & 0xff;
      case 0xcd -> in.getShort() & 0xffff;
      case 0xce -> in.getInt() & 0xffffffffL;
      case 0xcf -> unsigned(in.getLong());
      case 0xd0 -> in.get();
      case 0xd1 -> in.getShort();
      case 0xd2 -> in.getInt();
      case 0xd3 -> in.getLong();
      default -> throw new IllegalArgumentException("a counter is not a MessagePack number (0x" + Integer.toHexString(head) + ")");
    };
  }

  private static double unsigned(long value) {
    return value >= 0 ? value : (value >>> 1) * 2.0 + (value & 1);
  }
}
