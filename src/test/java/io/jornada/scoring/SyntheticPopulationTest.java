package io.jornada.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.jornada.lead.LeadEvent;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticPopulationTest {

  @Test
  void shouldGenerateTheSamePopulationForTheSameSeed() {
    // when
    List<SyntheticLead> first = TestModels.population(7, 200);
    List<SyntheticLead> second = TestModels.population(7, 200);

    // then
    assertThat(second).isEqualTo(first);
    assertThat(TestModels.population(8, 200)).isNotEqualTo(first);
  }

  @Test
  void shouldGenerateBrazilianContactData() {
    // when
    List<SyntheticLead> leads = TestModels.population(7, 200);

    // then
    assertThat(leads)
        .allSatisfy(
            lead -> {
              assertThat(lead.profile().phone()).matches("\\+55\\d{2}9\\d{8}");
              assertThat(lead.profile().email()).matches("[a-z]+\\.[a-z]+@example\\.com");
              assertThat(lead.profile().name()).isNotBlank();
              assertThat(lead.profile().city()).isNotBlank();
              assertThat(lead.profile().company()).isNotBlank();
            });
    // pt-BR names carry Portuguese diacritics somewhere in a population of this size
    assertThat(leads).anySatisfy(lead -> assertThat(lead.profile().name()).containsPattern("[ãáâçéêíóôõú]"));
  }

  @Test
  void shouldFoldTheEventHistoryIntoTheProfile() {
    // when
    List<SyntheticLead> leads = TestModels.population(7, 200);

    // then
    assertThat(leads)
        .allSatisfy(
            lead -> {
              Map<String, Integer> counts =
                  lead.events().stream()
                      .collect(Collectors.groupingBy(LeadEvent::type, Collectors.summingInt(e -> 1)));
              assertThat(lead.profile().eventCounts()).isEqualTo(counts);
              assertThat(lead.events()).isSortedAccordingTo(Comparator.comparing(LeadEvent::occurredAt));
              assertThat(lead.events())
                  .allSatisfy(
                      event -> {
                        assertThat(event.leadId()).isEqualTo(lead.profile().leadId());
                        assertThat(event.occurredAt())
                            .isBetween(lead.profile().createdAt(), TestModels.NOW);
                      });
              if (!lead.events().isEmpty()) {
                assertThat(lead.profile().lastEngagedAt())
                    .isEqualTo(lead.events().get(lead.events().size() - 1).occurredAt());
              }
            });
    assertThat(leads).anySatisfy(lead -> assertThat(lead.converted()).isTrue());
  }
}
