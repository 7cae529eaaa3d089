package io.jornada.engine.journal;

/** What the journal reports about itself; the application binds it to its metrics registry. */
public interface JournalMetrics {

  JournalMetrics NONE = new JournalMetrics() {};

  /** A group commit of {@code records} records: time to write them, and time to fsync. */
  default void committed(int records, long writeNanos, long fsyncNanos) {}

  default void snapshotTaken(long nanos) {}
}
