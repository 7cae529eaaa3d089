package io.jornada.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jornada.engine.event.ElementEvents.VariableSet;
import io.jornada.engine.event.EngineEvent;
import io.jornada.engine.event.JobEvents.JobCompleted;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJournalTest {

  @TempDir Path dir;

  @Test
  void shouldReplayWhatWasAppendedAcrossReopens() {
    // given
    try (var journal = FileJournal.open(dir)) {
      journal.append(List.of(new VariableSet(1, 1, "lead", Map.of("score", 0.7, "tags", List.of("a", "b"))))).join();
      journal.append(List.of(new JobCompleted(2), new JobCompleted(3))).join();
    }

    // when
    List<EngineEvent> replayed = new ArrayList<>();
    try (var journal = FileJournal.open(dir)) {
      journal.replay(replayed::add);
    }

    // then: whole numbers come back as longs, the way FEEL makes them
    assertThat(replayed).containsExactly(
        new VariableSet(1, 1, "lead", Map.of("score", 0.7, "tags", List.of("a", "b"))),
        new JobCompleted(2),
        new JobCompleted(3));
  }

  @Test
  void shouldCompleteConcurrentAppendsInOrderWithGroupCommit() {
    // given
    List<CompletableFuture<Void>> appends = new ArrayList<>();
    List<Long> completionOrder = new ArrayList<>();

    // when
    try (var journal = FileJournal.open(dir)) {
      for (long i = 1; i <= 2_000; i++) {
        long key = i;
        appends.add(journal.append(List.of(new JobCompleted(key))).thenRun(() -> {
          synchronized (completionOrder) {
            completionOrder.add(key);
          }
        }));
      }
      CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).join();
    }

    // then
    assertThat(completionOrder).isSorted().hasSize(2_000);
    List<EngineEvent> replayed = new ArrayList<>();
    try (var journal = FileJournal.open(dir)) {
      journal.replay(replayed::add);
    }
    assertThat(replayed).hasSize(2_000).last().isEqualTo(new JobCompleted(2_000));
  }

  @Test
  void shouldCutOffATornTailAndKeepAppending() throws IOException {
    // given: a crash in the middle of writing the third record
    try (var journal = FileJournal.open(dir)) {
      journal.append(List.of(new JobCompleted(1))).join();
      journal.append(List.of(new JobCompleted(2))).join();
      journal.append(List.of(new JobCompleted(3))).join();
    }
    Path file = dir.resolve("journal-000000000000.log");
    long size = Files.size(file);
    try (var raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.setLength(size - 5);
    }

    // when
    List<EngineEvent> replayed = new ArrayList<>();
    try (var journal = FileJournal.open(dir)) {
      journal.replay(replayed::add);
      journal.append(List.of(new JobCompleted(4))).join();
    }

    // then: the torn record is gone, and what follows it is readable
    assertThat(replayed).containsExactly(new JobCompleted(1), new JobCompleted(2));
    List<EngineEvent> afterRepair = new ArrayList<>();
    try (var journal = FileJournal.open(dir)) {
      journal.replay(afterRepair::add);
    }
    assertThat(afterRepair).containsExactly(new JobCompleted(1), new JobCompleted(2), new JobCompleted(4));
  }

  @Test
  void shouldNeverApplyARecordWhoseChecksumDoesNotMatch() throws IOException {
    // given: the last record's payload was damaged on disk
    try (var journal = FileJournal.open(dir)) {
      journal.append(List.of(new JobCompleted(1))).join();
      journal.append(List.of(new JobCompleted(2))).join();
    }
    Path file = dir.resolve("journal-000000000000.log");
    try (var raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.seek(raw.length() - 3);
      raw.write('9');
    }

    // when
    List<EngineEvent> replayed = new ArrayList<>();
    try (var journal = FileJournal.open(dir)) {
      journal.replay(replayed::add);
    }

    // then
    assertThat(replayed).containsExactly(new JobCompleted(1));
  }
}
