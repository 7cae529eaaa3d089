package io.jornada.engine.journal;

import io.jornada.engine.EventLog;
import io.jornada.engine.event.EngineEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The durable event log, in one folder:
 *
 * <ul>
 *   <li>{@code journal-N.log}: segments of records, each the events of one command. A writer
 *       thread takes the records that are waiting, writes them and fsyncs once (group commit),
 *       then completes their futures in order.
 *   <li>{@code snapshot-N.snap}: the whole state as of the start of segment N, written as the
 *       events that rebuild it; once it is in place, older segments and snapshots are deleted.
 * </ul>
 *
 * <p>On open, the latest snapshot is loaded and the segments from it on are replayed. A torn or
 * corrupt tail of the last segment (a crash mid-write) is cut off, never replayed.
 */
public final class FileJournal implements EventLog {

  private static final Logger LOG = Logger.getLogger(FileJournal.class.getName());
  private static final Pattern SEGMENT = Pattern.compile("journal-(\\d+)\\.log");
  private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d+)\\.snap");

  private final Path directory;
  private final EventCodec codec = new EventCodec();
  private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final long snapshotId;
  private final List<Long> segments;
  private final JournalMetrics metrics;
  private FileChannel current;
  private long currentId;
  private volatile IOException failure;

  private FileJournal(Path directory, long snapshotId, List<Long> segments, JournalMetrics metrics) throws IOException {
    this.directory = directory;
    this.snapshotId = snapshotId;
    this.segments = segments;
    this.metrics = metrics;
    this.currentId = segments.get(segments.size() - 1);
    this.current = FileChannel.open(segment(currentId), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    current.position(current.size());
    this.writer = new Thread(this::writeLoop, "jornada-journal");
    writer.setDaemon(true);
    writer.start();
  }

  /** Opens (or creates) the journal in {@code directory}, cutting off a torn or corrupt tail. */
  public static FileJournal open(Path directory) {
    return open(directory, JournalMetrics.NONE);
  }

  public static FileJournal open(Path directory, JournalMetrics metrics) {
    try {
      Files.createDirectories(directory);
      Files.deleteIfExists(directory.resolve("snapshot.tmp"));
      long snapshot = ids(directory, SNAPSHOT).stream().mapToLong(Long::longValue).max().orElse(0);
      List<Long> segments = new ArrayList<>(ids(directory, SEGMENT).stream().filter(id -> id >= snapshot).sorted().toList());
      if (segments.isEmpty()) {
        segments.add(snapshot);
      }
      for (int i = 0; i < segments.size(); i++) {
        Path path = directory.resolve(segmentName(segments.get(i)));
        if (!Files.exists(path)) {
          continue;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
          long size = channel.size();
          long valid = Records.read(channel, null);
          if (valid < size) {
            LOG.warning(() -> "journal " + path + ": cut off " + (size - valid) + " bytes of torn or corrupt tail at offset " + valid);
            channel.truncate(valid);
            channel.force(true);
            // Anything after a damaged segment can no longer be applied in order.
            for (Long later : segments.subList(i + 1, segments.size())) {
              Files.deleteIfExists(directory.resolve(segmentName(later)));
            }
            segments.subList(i + 1, segments.size()).clear();
          }
        }
      }
      return new FileJournal(directory, snapshot, segments, metrics);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the engine journal in " + directory, e);
    }
  }

  @Override
  public void replay(Consumer<EngineEvent> consumer) {
    try {
      if (snapshotId > 0) {
        readFile(directory.resolve(snapshotName(snapshotId)), consumer);
      }
      for (long id : segments) {
        readFile(segment(id), consumer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the engine journal in " + directory, e);
    }
  }

  private void readFile(Path path, Consumer<EngineEvent> consumer) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      Records.read(channel, payload -> codec.decode(payload).forEach(consumer));
    }
  }

  @Override
  public CompletableFuture<Void> append(List<EngineEvent> events) {
    var pending = new Append(codec.encode(events), new CompletableFuture<>());
    if (failure != null) {
      pending.done().completeExceptionally(failure);
    } else {
      queue.add(pending);
    }
    return pending.done();
  }

  /**
   * Writes a snapshot and deletes what it makes obsolete. Called on the engine's writer thread, so
   * the state it writes is exactly the state after every event appended so far: those go to the
   * segments before the new one, which the snapshot replaces.
   */
  @Override
  public void compact(Consumer<Consumer<List<EngineEvent>>> snapshot) {
    long started = System.nanoTime();
    var roll = new Roll(new CompletableFuture<>());
    queue.add(roll);
    long id = roll.done().join();
    Path temporary = directory.resolve("snapshot.tmp");
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      snapshot.accept(chunk -> {
        try {
          Records.write(channel, List.of(codec.encode(chunk)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      channel.force(true);
    } catch (IOException | UncheckedIOException e) {
      LOG.log(Level.SEVERE, "failed to write a snapshot; the journal keeps every segment", e);
      return;
    }
    try {
      move(temporary, directory.resolve(snapshotName(id)));
      for (long old : ids(directory, SEGMENT)) {
        if (old < id) {
          Files.deleteIfExists(segment(old));
        }
      }
      for (long old : ids(directory, SNAPSHOT)) {
        if (old < id) {
          Files.deleteIfExists(directory.resolve(snapshotName(old)));
        }
      }
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "failed to install a snapshot; the journal keeps every segment", e);
      return;
    }
    metrics.snapshotTaken(System.nanoTime() - started);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void writeLoop() {
    List<Item> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
        queue.drainTo(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      List<Append> appends = new ArrayList<>();
      for (Item item : batch) {
        if (item instanceof Append append) {
          appends.add(append);
          continue;
        }
        commit(appends);
        appends.clear();
        if (item instanceof Roll roll) {
          roll(roll);
        } else {
          closeCurrent();
          return;
        }
      }
      commit(appends);
      batch.clear();
    }
  }

  private void commit(List<Append> appends) {
    if (appends.isEmpty()) {
      return;
    }
    if (failure != null) {
      appends.forEach(a -> a.done().completeExceptionally(failure));
      return;
    }
    try {
      long started = System.nanoTime();
      Records.write(current, appends.stream().map(Append::payload).toList());
      long written = System.nanoTime();
      current.force(false);
      metrics.committed(appends.size(), written - started, System.nanoTime() - written);
      appends.forEach(a -> a.done().complete(null));
    } catch (IOException e) {
      // Nothing after a failed write can be trusted to be durable: fail it and everything after.
      failure = e;
      appends.forEach(a -> a.done().completeExceptionally(e));
    }
  }

  private void roll(Roll roll) {
    try {
      current.force(true);
      current.close();
      currentId++;
      current = FileChannel.open(segment(currentId), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      roll.done().complete(currentId);
    } catch (IOException e) {
      failure = e;
      roll.done().completeExceptionally(e);
    }
  }

  private void closeCurrent() {
    try {
      current.force(true);
      current.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "failed to close the journal segment", e);
    }
  }

  @Override
  public void close() {
    queue.add(new Stop());
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Path segment(long id) {
    return directory.resolve(segmentName(id));
  }

  private static String segmentName(long id) {
    return String.format("journal-%012d.log", id);
  }

  private static String snapshotName(long id) {
    return String.format("snapshot-%012d.snap", id);
  }

  private static List<Long> ids(Path directory, Pattern pattern) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> pattern.matcher(p.getFileName().toString()))
          .filter(Matcher::matches)
          .map(m -> Long.parseLong(m.group(1)))
          .toList();
    }
  }

  private sealed interface Item permits Append, Roll, Stop {}

  private record Append(byte[] payload, CompletableFuture<Void> done) implements Item {}

  private record Roll(CompletableFuture<Long> done) implements Item {}

  private record Stop() implements Item {}
}
