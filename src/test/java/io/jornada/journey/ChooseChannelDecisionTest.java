package io.jornada.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChooseChannelDecisionTest {

  private static final DecisionTables CHOOSE = new DecisionTables("choose-channel");

  @ParameterizedTest(name = "[{index}] email={0} whatsapp={1} sms={2} preferred={3} segment={4} -> {5}")
  @CsvSource(
      nullValues = "null",
      value = {
        // no consent at all: nobody is contacted, whatever the preference or segment
        "false, false, false, whatsapp, hot-decision,       none",
        "false, false, false, null,     cold-awareness,     none",
        // the preferred channel wins when consented
        "true,  true,  true,  sms,      hot-decision,       sms",
        "true,  true,  false, email,    hot-decision,       email",
        "true,  true,  false, whatsapp, cold-awareness,     whatsapp",
        // a preferred channel without consent is ignored
        "true,  false, false, whatsapp, warm-consideration, email",
        "false, false, true,  email,    warm-decision,      sms",
        // hot segments prefer WhatsApp when consented
        "true,  true,  true,  null,     hot-consideration,  whatsapp",
        "true,  false, true,  null,     hot-decision,       email",
        // otherwise email, then WhatsApp, then SMS
        "true,  true,  true,  null,     warm-decision,      email",
        "false, true,  true,  null,     cold-awareness,     whatsapp",
        "false, false, true,  null,     null,               sms",
      })
  void shouldChooseAConsentedChannel(
      boolean email, boolean whatsapp, boolean sms, String preferred, String segment, String channel) {
    // given
    Map<String, Object> lead = new HashMap<>();
    lead.put("consent", Map.of("email", email, "whatsapp", whatsapp, "sms", sms));
    lead.put("preferredChannel", preferred);
    Map<String, Object> variables = new HashMap<>();
    variables.put("lead", lead);
    variables.put("segment", segment);

    // when / then
    assertThat(CHOOSE.evaluate(variables)).isEqualTo(channel);
  }
}
