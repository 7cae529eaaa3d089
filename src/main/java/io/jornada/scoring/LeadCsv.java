package io.jornada.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads labelled leads from a CSV file: one row per lead, a header naming the columns, comma
 * separated, UTF-8. The schema is in the README ("Training on your own leads").
 *
 * <ul>
 *   <li>{@code converted}: {@code 1} or {@code 0}; {@code timestamp}: when the row's features were
 *       observed (ISO-8601 instant or date), which orders the time-based split.
 *   <li>Every {@link LeadFeatures#NAMES} feature, either by its own column or from a raw attribute:
 *       {@code company_size} (employees) for {@code company_size_log}; {@code source} for the {@code
 *       source_*} columns; {@code funnel_stage} for {@code stage_*}; {@code created_at} and {@code
 *       last_engaged_at} (instants; the latter may be empty) for {@code days_since_*}, measured at
 *       {@code timestamp}. Raw attributes go through the same conversions as serving.
 *   <li>Optional {@code lead_id}; no other columns, so that a misspelt feature is not silently
 *       ignored.
 * </ul>
 *
 * <p>Errors name the line (the header is line 1) and the column, never the value: rows may carry
 * personal data.
 */
final class LeadCsv {

  /** A row or header the schema does not allow. */
  static final class FormatException extends IllegalArgumentException {
    FormatException(String message) {
      super(message);
    }
  }

  private static final Map<String, List<String>> RAW = Map.of(
      "company_size", List.of("company_size_log"),
      "source", LeadFeatures.SOURCES.stream().map(s -> "source_" + s).toList(),
      "funnel_stage", LeadFeatures.STAGES.stream().map(s -> "stage_" + s).toList(),
      "created_at", List.of("days_since_created"),
      "last_engaged_at", List.of("days_since_last_engaged"));

  private static final List<String> RAW_NAMES =
      List.of("company_size", "source", "funnel_stage", "created_at", "last_engaged_at");

  private final Path file;
  private final List<String> header;
  private final Map<String, Integer> column = new HashMap<>();

  private LeadCsv(Path file, List<String> header) {
    this.file = file;
    this.header = header;
    for (int i = 0; i < header.size(); i++) {
      column.put(header.get(i), i);
    }
  }

  /** All rows of the file, in file order. */
  static List<TrainingExample> read(Path file) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = reader.readLine();
      if (first == null) {
        throw new FormatException(file + ": the file is empty; line 1 must be the header");
      }
      LeadCsv csv = new LeadCsv(file, split(first.replace("\uFEFF", "")).stream().map(String::strip).toList());
      csv.checkHeader();
      List<TrainingExample> rows = new ArrayList<>();
      String line;
      int number = 1;
      while ((line = reader.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          rows.add(csv.row(number, split(line)));
        }
      }
      if (rows.isEmpty()) {
        throw new FormatException(file + ": no data rows after the header");
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private void checkHeader() {
    Set<String> seen = new LinkedHashSet<>();
    for (String name : header) {
      if (!seen.add(name)) {
        throw error(1, name, "the column appears twice");
      }
      if (!name.equals("converted") && !name.equals("timestamp") && !name.equals("lead_id")
          && !LeadFeatures.NAMES.contains(name) && !RAW.containsKey(name)) {
        throw error(1, name, "unknown column; expected converted, timestamp, lead_id, a feature "
            + LeadFeatures.NAMES + " or a raw attribute " + RAW_NAMES);
      }
    }
    for (String required : List.of("converted", "timestamp")) {
      if (!column.containsKey(required)) {
        throw new FormatException(file + " line 1: missing column '" + required + "'");
      }
    }
    if (column.containsKey("last_engaged_at") && !column.containsKey("created_at")) {
      throw error(1, "last_engaged_at", "needs the created_at column too (a lead that never engaged counts from creation)");
    }
    for (String feature : LeadFeatures.NAMES) {
      List<String> providers = new ArrayList<>();
      if (column.containsKey(feature)) {
        providers.add(feature);
      }
      RAW.forEach((raw, features) -> {
        if (features.contains(feature) && column.containsKey(raw)) {
          providers.add(raw);
        }
      });
      if (providers.isEmpty()) {
        throw new FormatException(file + " line 1: missing column for feature '" + feature + "'");
      }
      if (providers.size() > 1) {
        throw new FormatException(file + " line 1: feature '" + feature + "' is given twice, by " + providers);
      }
    }
  }

  private TrainingExample row(int line, List<String> cells) {
    if (cells.size() != header.size()) {
      throw new FormatException(file + " line " + line + ": " + cells.size() + " columns, the header has " + header.size());
    }
    Instant timestamp = instant(line, cells, "timestamp", false);
    String converted = cell(cells, "converted");
    if (!converted.equals("0") && !converted.equals("1")) {
      throw error(line, "converted", "expected 0 or 1");
    }
    float[] features = new float[LeadFeatures.NAMES.size()];
    for (int i = 0; i < features.length; i++) {
      String name = LeadFeatures.NAMES.get(i);
      if (column.containsKey(name)) {
        features[i] = number(line, cells, name);
      }
    }
    if (column.containsKey("company_size")) {
      float employees = number(line, cells, "company_size");
      features[LeadFeatures.NAMES.indexOf("company_size_log")] = LeadFeatures.companySizeLog((int) employees);
    }
    oneHot(line, cells, "source", "source_", LeadFeatures.SOURCES, features);
    oneHot(line, cells, "funnel_stage", "stage_", LeadFeatures.STAGES, features);
    if (column.containsKey("created_at")) {
      Instant created = instant(line, cells, "created_at", false);
      Instant engaged = column.containsKey("last_engaged_at") ? instant(line, cells, "last_engaged_at", true) : null;
      features[LeadFeatures.NAMES.indexOf("days_since_created")] = LeadFeatures.daysBetween(created, timestamp);
      if (column.containsKey("last_engaged_at")) {
        features[LeadFeatures.NAMES.indexOf("days_since_last_engaged")] =
            LeadFeatures.daysBetween(engaged == null ? created : engaged, timestamp);
      }
    }
    String id = column.containsKey("lead_id") ? cell(cells, "lead_id") : String.format("%012d", line);
    return new TrainingExample(id, features, timestamp, converted.equals("1"));
  }

  private void oneHot(int line, List<String> cells, String raw, String prefix, List<String> values, float[] features) {
    if (!column.containsKey(raw)) {
      return;
    }
    String value = cell(cells, raw);
    if (!values.contains(value)) {
      throw error(line, raw, "expected one of " + values);
    }
    features[LeadFeatures.NAMES.indexOf(prefix + value)] = 1;
  }

  private float number(int line, List<String> cells, String name) {
    String value = cell(cells, name);
    try {
      float number = Float.parseFloat(value);
      if (!Float.isFinite(number) || number < 0) {
        throw error(line, name, "expected a number of zero or more");
      }
      return number;
    } catch (NumberFormatException e) {
      throw error(line, name, value.isEmpty() ? "empty; expected a number" : "not a number");
    }
  }

  private Instant instant(int line, List<String> cells, String name, boolean optional) {
    String value = cell(cells, name);
    if (value.isEmpty() && optional) {
      return null;
    }
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw error(line, name, "expected an ISO-8601 instant (2025-05-01T14:30:00Z) or date (2025-05-01)");
    }
  }

  private String cell(List<String> cells, String name) {
    return cells.get(column.get(name)).strip();
  }

  private FormatException error(int line, String columnName, String problem) {
    return new FormatException(file + " line " + line + ", column '" + columnName + "': " + problem);
  }

  /** Comma-separated cells; a cell in double quotes may hold commas and doubled quotes. */
  private static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
