package io.jornada.engine.journal;

import io.jornada.engine.EventLog;
import io.jornada.engine.event.EngineEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.zip.CRC32C;

/**
 * The durable event log: one file of records, each the events of one command, written as {@code
 * [length][CRC32C][payload]}. A writer thread batches the records that are waiting, writes them
 * and fsyncs once (group commit), then completes their futures in order. On open, the file is
 * scanned: a torn or corrupt tail (a crash mid-write) is cut off, never replayed.
 */
public final class FileJournal implements EventLog {

  private static final Logger LOG = Logger.getLogger(FileJournal.class.getName());
  private static final int HEADER_BYTES = Integer.BYTES * 2;
  private static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;
  private static final Pending STOP = new Pending(new byte[0], new CompletableFuture<>());

  private final Path file;
  private final FileChannel channel;
  private final EventCodec codec = new EventCodec();
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final long validBytes;
  private volatile IOException failure;

  private FileJournal(Path file, FileChannel channel, long validBytes) {
    this.file = file;
    this.channel = channel;
    this.validBytes = validBytes;
    this.writer = new Thread(this::writeLoop, "jornada-journal");
    writer.setDaemon(true);
    writer.start();
  }

  /** Opens (or creates) the journal in {@code directory}, cutting off a torn or corrupt tail. */
  public static FileJournal open(Path directory) {
    try {
      Files.createDirectories(directory);
      Path file = directory.resolve("journal.log");
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      long size = channel.size();
      long valid = scan(channel);
      if (valid < size) {
        LOG.warning(() -> "journal " + file + ": cut off " + (size - valid) + " bytes of torn or corrupt tail at offset " + valid);
        channel.truncate(valid);
        channel.force(true);
      }
      channel.position(valid);
      return new FileJournal(file, channel, valid);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the engine journal in " + directory, e);
    }
  }

  /** The length of the prefix of whole records with valid checksums. */
  private static long scan(FileChannel channel) throws IOException {
    long position = 0;
    long size = channel.size();
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    while (position + HEADER_BYTES <= size) {
      header.clear();
      channel.read(header, position);
      header.flip();
      int length = header.getInt();
      int checksum = header.getInt();
      if (length <= 0 || length > MAX_RECORD_BYTES || position + HEADER_BYTES + length > size) {
        break;
      }
      ByteBuffer payload = ByteBuffer.allocate(length);
      channel.read(payload, position + HEADER_BYTES);
      if (crc(payload.array()) != checksum) {
        break;
      }
      position += HEADER_BYTES + length;
    }
    return position;
  }

  @Override
  public void replay(Consumer<EngineEvent> consumer) {
    try {
      long position = 0;
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
      while (position < validBytes) {
        header.clear();
        channel.read(header, position);
        header.flip();
        int length = header.getInt();
        header.getInt();
        ByteBuffer payload = ByteBuffer.allocate(length);
        channel.read(payload, position + HEADER_BYTES);
        codec.decode(payload.array()).forEach(consumer);
        position += HEADER_BYTES + length;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the engine journal " + file, e);
    }
  }

  @Override
  public CompletableFuture<Void> append(List<EngineEvent> events) {
    var pending = new Pending(codec.encode(events), new CompletableFuture<>());
    if (failure != null) {
      pending.done().completeExceptionally(failure);
    } else {
      queue.add(pending);
    }
    return pending.done();
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
        queue.drainTo(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      boolean stop = batch.remove(STOP);
      if (!batch.isEmpty()) {
        commit(batch);
      }
      batch.clear();
      if (stop) {
        return;
      }
    }
  }

  private void commit(List<Pending> batch) {
    try {
      int total = 0;
      for (Pending p : batch) {
        total += HEADER_BYTES + p.payload().length;
      }
      ByteBuffer buffer = ByteBuffer.allocate(total);
      for (Pending p : batch) {
        buffer.putInt(p.payload().length).putInt(crc(p.payload())).put(p.payload());
      }
      buffer.flip();
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
      batch.forEach(p -> p.done().complete(null));
    } catch (IOException e) {
      // Nothing after a failed write can be trusted to be durable: fail it and everything after.
      failure = e;
      batch.forEach(p -> p.done().completeExceptionally(e));
      queue.forEach(p -> p.done().completeExceptionally(e));
    }
  }

  private static int crc(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return (int) crc.getValue();
  }

  @Override
  public void close() {
    queue.add(STOP);
    try {
      writer.join(10_000);
      channel.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Pending(byte[] payload, CompletableFuture<Void> done) {}
}
