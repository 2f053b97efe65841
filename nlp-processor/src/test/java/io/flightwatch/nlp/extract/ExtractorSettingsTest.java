package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightwatch.common.Settings;
import io.flightwatch.nlp.extract.ExtractorSettings.NerProfile;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ExtractorSettingsTest {

  @Test
  void defaultsAreLeanWithGateAndCap() {
    Settings s = Settings.load(ExtractorSettings.define(new ConfigDef()), null, Map.of(), Map.of());
    assertThat(ExtractorSettings.from(s)).isEqualTo(ExtractorSettings.defaults());
    assertThat(ExtractorSettings.defaults().maxChars()).isEqualTo(100_000);
  }

  @Test
  void keysAreReadFromOverridesAndEnvironment() {
    Settings s = Settings.load(ExtractorSettings.define(new ConfigDef()), null,
        Map.of("FLIGHTWATCH_NLP_MAX_CHARS", "5000"),
        Map.of(ExtractorSettings.NER_PROFILE, "DEFAULT", ExtractorSettings.RELEVANCE_GATE, "false"));
    ExtractorSettings e = ExtractorSettings.from(s);
    assertThat(e.nerProfile()).isEqualTo(NerProfile.DEFAULT);
    assertThat(e.maxChars()).isEqualTo(5000);
    assertThat(e.relevanceGate()).isFalse();
  }

  @Test
  void invalidValuesAreReportedTogether() {
    assertThatThrownBy(() -> Settings.load(ExtractorSettings.define(new ConfigDef()), null, Map.of(),
        Map.of(ExtractorSettings.NER_PROFILE, "huge", ExtractorSettings.MAX_CHARS, "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("2 problem(s)")
        .hasMessageContaining(ExtractorSettings.NER_PROFILE)
        .hasMessageContaining(ExtractorSettings.MAX_CHARS);
  }
}
