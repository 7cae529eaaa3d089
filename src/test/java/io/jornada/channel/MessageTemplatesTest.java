package io.jornada.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class MessageTemplatesTest {

  private final MessageTemplates templates =
      MessageTemplates.load(new ClassPathResource("templates/messages.yaml"));

  @Test
  void shouldUseTheFallbackWhenAValueIsMissing() {
    // when
    MessageTemplates.Rendered rendered = templates.render("nurture-hot", Map.of("firstName", "Bia"));

    // then
    assertThat(rendered.subject()).isEqualTo("Bia, vamos conversar sobre a sua proposta?");
    assertThat(rendered.body()).startsWith("Olá, Bia!").contains("para a sua empresa");
  }

  @Test
  void shouldRenderTheDefaultTemplateWhenNoneIsNamed() {
    assertThat(templates.render(null, Map.of("firstName", "Caio")).subject()).isEqualTo("Olá, Caio!");
  }

  @Test
  void shouldRefuseAnUnknownTemplateOrAMissingValue() {
    assertThatThrownBy(() -> templates.render("nurture-hott", Map.of("firstName", "Bia")))
        .hasMessageContaining("nurture-hott");
    assertThatThrownBy(() -> templates.render("nurture-cold", Map.of()))
        .hasMessageContaining("firstName");
  }
}
