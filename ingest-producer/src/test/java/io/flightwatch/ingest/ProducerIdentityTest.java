package io.flightwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.ingest.source.Emitter;
import io.flightwatch.ingest.source.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProducerIdentityTest {

  private static Source named(String name) {
    return new Source() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void emit(Emitter out) {}
    };
  }

  @Test
  void theSameSourcesGiveTheSameIdWhateverTheirOrderAndOtherSourcesAnother() {
    String feeds = ProducerIdentity.of("auto", List.of(named("https://a.example/rss"), named("https://b.example/rss")));
    assertThat(ProducerIdentity.of("auto", List.of(named("https://b.example/rss"), named("https://a.example/rss"))))
        .isEqualTo(feeds);
    assertThat(feeds).startsWith("flightwatch-ingest-").hasSize("flightwatch-ingest-".length() + 12);
    assertThat(ProducerIdentity.of("auto", List.of(named("https://a.example/rss")))).isNotEqualTo(feeds);
    assertThat(ProducerIdentity.of("auto", List.of(named("samples")))).isNotEqualTo(feeds);
  }

  @Test
  void aRelativeFolderIsTheSameFolderAbsolute() {
    assertThat(ProducerIdentity.of("auto", List.of(named("samples"))))
        .isEqualTo(ProducerIdentity.of("auto", List.of(named(java.nio.file.Path.of("samples").toAbsolutePath()
            .toString()))));
  }

  @Test
  void stdinAloneGetsAnIdOfItsOwnEachRunAndAGivenIdIsKept() {
    String one = ProducerIdentity.of("auto", List.of(named("stdin")));
    assertThat(one).startsWith("flightwatch-ingest-stdin-");
    assertThat(ProducerIdentity.of("auto", List.of(named("stdin")))).isNotEqualTo(one);
    assertThat(ProducerIdentity.of("nightly-load", List.of(named("stdin")))).isEqualTo("nightly-load");
  }
}
