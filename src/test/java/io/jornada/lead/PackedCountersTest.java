package io.jornada.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jornada.support.RedisServer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The decayed counters as Redis's own {@code cmsgpack} packs them, and MessagePack's other encodings. */
class PackedCountersTest {

  @Test
  void shouldReadWhatRedisPacks() {
    // given a table with an integral sum, a float32-exact one, a double, a negative and a large one, packed by Redis
    byte[] packed;
    try (RedisClient redis = RedisClient.builder().fromURI(RedisServer.shared().url()).build()) {
      redis.eval("redis.call('SET', KEYS[1], cmsgpack.pack({['day:type:a'] = 3, ['week:type:a'] = 0.5,"
          + " ['month:type:a'] = 0.1, ['day:channel:x'] = -2, ['week:channel:x'] = 2^40 + 0.25}))", 1, "test:packed");
      packed = redis.get("test:packed".getBytes(StandardCharsets.UTF_8));
    }

    // when / then
    assertThat(PackedCounters.decode(packed)).isEqualTo(Map.of(
        "day:type:a", 3.0, "week:type:a", 0.5, "month:type:a", 0.1, "day:channel:x", -2.0,
        "week:channel:x", Math.pow(2, 40) + 0.25));
  }

  @Test
  void shouldReadAMapOfSixteenOrMoreCountersAndAnEmptyTable() {
    // given: map16 with 20 entries (fixmap holds at most 15), str8 names, int and uint encodings
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xde);
    out.write(0);
    out.write(20);
    for (int i = 0; i < 20; i++) {
      byte[] name = ("a-counter-name-longer-than-31-bytes-" + i).getBytes(StandardCharsets.UTF_8);
      out.write(0xd9);
      out.write(name.length);
      out.writeBytes(name);
      out.write(0xcd); // uint16
      out.writeBytes(ByteBuffer.allocate(2).putShort((short) (1000 + i)).array());
    }

    // when
    Map<String, Double> counters = PackedCounters.decode(out.toByteArray());

    // then
    assertThat(counters).hasSize(20).containsEntry("a-counter-name-longer-than-31-bytes-19", 1019.0);
    assertThat(PackedCounters.decode(new byte[] {(byte) 0x90})).isEmpty();
  }

  @Test
  void shouldRefuseWhatIsNotAMapOfNumbers() {
    for (byte[] bad : List.of(new byte[] {(byte) 0xc0}, new byte[] {(byte) 0x81, (byte) 0xa1, 'a', (byte) 0xc3})) {
      assertThatThrownBy(() -> PackedCounters.decode(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
