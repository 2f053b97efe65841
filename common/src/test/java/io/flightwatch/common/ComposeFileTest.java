package io.flightwatch.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What makes the compose file work in containers, read from the files themselves. */
class ComposeFileTest {

  private static final Path ROOT = TopicsTest.ROOT;

  @Test
  void theAggregatorListensOnEveryInterfaceInsideItsContainer() throws IOException {
    String compose = Files.readString(ROOT.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
    String aggregator = compose.substring(compose.indexOf("\n  aggregator:"));
    assertThat(aggregator).contains("FLIGHTWATCH_HTTP_HOST: 0.0.0.0").contains("\"8080:8080\"");
  }

  @Test
  void everyImageGivesItsUserAWritableStateFolder() throws IOException {
    for (String module : List.of("aggregator", "nlp-processor", "ingest-producer")) {
      String docker = Files.readString(ROOT.resolve(module).resolve("Dockerfile"), StandardCharsets.UTF_8);
      assertThat(docker).as(module).contains("WORKDIR /app").contains("chown flightwatch /app/data")
          .contains("USER flightwatch");
    }
  }
}
