package io.jornada.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jornada.lead.LeadProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadCsvTest {

  private static final String HEADER =
      "lead_id,timestamp,converted,count_page_view,count_pricing_view,count_email_open,count_email_click,"
          + "count_form_submit,count_whatsapp_reply,created_at,last_engaged_at,company_size,source,funnel_stage,"
          + "consent_email,consent_whatsapp,consent_sms";

  @TempDir Path dir;

  @Test
  void shouldComputeTheSameFeaturesAsServingFromRawAttributes() throws IOException {
    // given
    List<SyntheticLead> leads = TestModels.population(3, 50);
    Path file = write(leads);

    // when
    List<TrainingExample> rows = LeadCsv.read(file);

    // then
    assertThat(rows).hasSize(50);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i).features()).containsExactly(LeadFeatures.of(leads.get(i).profile(), TestModels.NOW));
      assertThat(rows.get(i).converted()).isEqualTo(leads.get(i).converted());
      assertThat(rows.get(i).observedAt()).isEqualTo(TestModels.NOW);
    }
  }

  @Test
  void shouldTrainAndSaveAModelFromAValidFile() throws IOException {
    // given
    Path file = write(TestModels.population(4, 3_000));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    // when
    int exit = ScoringCommands.train(
        new String[] {"--data", file.toString(), "--jornada.scoring.model-dir=" + dir.resolve("models")},
        new PrintStream(out, true, StandardCharsets.UTF_8));

    // then
    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("train: version=v0001 rows=3000");
    ModelMetadata metadata = new ModelRegistry(dir.resolve("models")).latest().map(m -> {
      m.booster().dispose();
      return m.metadata();
    }).orElseThrow();
    assertThat(metadata.calibration().method()).isIn("platt", "isotonic");
    assertThat(metadata.metrics()).containsKeys("validationAuc", "validationLogLoss");
  }

  @Test
  void shouldNameTheLineAndColumnOfABadRow() throws IOException {
    // given a file whose fourth line has a word where a count belongs
    List<String> lines = new ArrayList<>(Files.readAllLines(write(TestModels.population(5, 5))));
    String[] cells = lines.get(3).split(",", -1);
    cells[3] = "many";
    lines.set(3, String.join(",", cells));
    Path file = Files.write(dir.resolve("bad.csv"), lines);

    // when / then
    assertThatThrownBy(() -> LeadCsv.read(file))
        .isInstanceOf(LeadCsv.FormatException.class)
        .hasMessageContaining("line 4, column 'count_page_view': not a number");
  }

  @Test
  void shouldRejectAMissingLabel() throws IOException {
    // given
    List<String> lines = new ArrayList<>(Files.readAllLines(write(TestModels.population(5, 3))));
    String[] cells = lines.get(2).split(",", -1);
    cells[2] = "yes";
    lines.set(2, String.join(",", cells));
    Path file = Files.write(dir.resolve("label.csv"), lines);

    // when / then
    assertThatThrownBy(() -> LeadCsv.read(file))
        .hasMessageContaining("line 3, column 'converted': expected 0 or 1");
  }

  @Test
  void shouldRejectAHeaderThatMissesAFeature() throws IOException {
    // given
    Path file = Files.writeString(dir.resolve("short.csv"), "timestamp,converted,count_page_view\n2025-01-01,1,3\n");

    // when / then
    assertThatThrownBy(() -> LeadCsv.read(file))
        .hasMessageContaining("line 1: missing column for feature 'count_pricing_view'");
  }

  @Test
  void shouldExitWithOneAndTheLineWhenTrainingOnABadFile() throws IOException {
    // given
    Path file = Files.writeString(dir.resolve("typo.csv"), "timestamp,converted,pricing_views\n");

    // when
    int exit = ScoringCommands.train(new String[] {"--data", file.toString()}, new PrintStream(new ByteArrayOutputStream()));

    // then
    assertThat(exit).isEqualTo(1);
  }

  private Path write(List<SyntheticLead> leads) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    for (SyntheticLead lead : leads) {
      LeadProfile p = lead.profile();
      lines.add(String.join(",",
          p.leadId(), TestModels.NOW.toString(), lead.converted() ? "1" : "0",
          count(p, "page_view"), count(p, "pricing_view"), count(p, "email_open"), count(p, "email_click"),
          count(p, "form_submit"), count(p, "whatsapp_reply"),
          p.createdAt().toString(), p.lastEngagedAt() == null ? "" : p.lastEngagedAt().toString(),
          Integer.toString(p.companySize()), p.source(), p.funnelStage(),
          flag(p.consent().email()), flag(p.consent().whatsapp()), flag(p.consent().sms())));
    }
    return Files.write(dir.resolve("leads-" + leads.size() + ".csv"), lines);
  }

  private static String count(LeadProfile lead, String type) {
    return Integer.toString(lead.count(type));
  }

  private static String flag(boolean value) {
    return value ? "1" : "0";
  }
}
