package io.jornada.engine.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The record format shared by journal segments and snapshots: {@code [length][CRC32C][payload]}.
 * A record whose length runs past the end of the file, or whose checksum does not match, ends the
 * valid prefix of the file.
 */
final class Records {

  static final int HEADER_BYTES = Integer.BYTES * 2;
  private static final int MAX_RECORD_BYTES = 256 * 1024 * 1024;

  private Records() {}

  /** Writes the payloads as records at the channel's position. */
  static void write(FileChannel channel, List<byte[]> payloads) throws IOException {
    int total = 0;
    for (byte[] payload : payloads) {
      total += HEADER_BYTES + payload.length;
    }
    ByteBuffer buffer = ByteBuffer.allocate(total);
    for (byte[] payload : payloads) {
      buffer.putInt(payload.length).putInt(crc(payload)).put(payload);
    }
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /**
   * Reads the valid records from the start, handing each payload to {@code consumer} (may be null
   * to only measure), and returns the length of the valid prefix.
   */
  static long read(FileChannel channel, Consumer<byte[]> consumer) throws IOException {
    long position = 0;
    long size = channel.size();
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    while (position + HEADER_BYTES <= size) {
      header.clear();
      readFully(channel, header, position);
      header.flip();
      int length = header.getInt();
      int checksum = header.getInt();
      if (length < 0 || length > MAX_RECORD_BYTES || position + HEADER_BYTES + length > size) {
        break;
      }
      ByteBuffer payload = ByteBuffer.allocate(length);
      readFully(channel, payload, position + HEADER_BYTES);
      if (crc(payload.array()) != checksum) {
        break;
      }
      if (consumer != null) {
        consumer.accept(payload.array());
      }
      position += HEADER_BYTES + length;
    }
    return position;
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        return;
      }
      at += read;
    }
  }

  private static int crc(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return (int) crc.getValue();
  }
}
