package io.flightwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {

  @Test
  void docsListEveryKeyOfEveryServiceAsTheCodeDefinesIt() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
    int at = doc.indexOf(ConfigCommand.MARKER);
    assertThat(at).as("docs/configuration.md has a '%s' section", ConfigCommand.MARKER).isPositive();
    assertThat(doc.substring(at))
        .as("docs/configuration.md is out of date: regenerate its Keys section with ./flightwatch config")
        .isEqualTo(ConfigCommand.render());
  }

  @Test
  void everyServiceKeyHasADescription() {
    ConfigCommand.services().values().forEach(def -> def.configKeys().values().forEach(k ->
        assertThat(k.documentation).as("documentation of %s", k.name).isNotBlank()));
  }
}
