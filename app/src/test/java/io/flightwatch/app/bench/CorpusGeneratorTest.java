package io.flightwatch.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightwatch.common.Countries;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CorpusGeneratorTest {

  @Test
  void oneOnTopicInFiveSpreadEvenly() {
    List<CorpusGenerator.Item> items = new CorpusGenerator(42).generate(1000, 0.2, "t");
    assertThat(items).hasSize(1000);
    assertThat(items.stream().filter(CorpusGenerator.Item::onTopic).count()).isEqualTo(200);
    // every window of five consecutive articles holds exactly one on-topic article
    for (int start = 0; start + 5 <= items.size(); start += 5) {
      assertThat(items.subList(start, start + 5).stream().filter(CorpusGenerator.Item::onTopic).count())
          .as("window at %d", start).isEqualTo(1);
    }
  }

  @Test
  void otherSharesAreExact() {
    assertThat(new CorpusGenerator(1).generate(400, 0.25, "t").stream().filter(CorpusGenerator.Item::onTopic).count())
        .isEqualTo(100);
    assertThat(new CorpusGenerator(1).generate(50, 0.0, "t").stream().noneMatch(CorpusGenerator.Item::onTopic)).isTrue();
    assertThat(new CorpusGenerator(1).generate(50, 1.0, "t").stream().allMatch(CorpusGenerator.Item::onTopic)).isTrue();
    assertThatThrownBy(() -> new CorpusGenerator(1).generate(10, 1.5, "t"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sameSeedSameCorpusOtherSeedOtherText() {
    List<CorpusGenerator.Item> a = new CorpusGenerator(7).generate(60, 0.2, "x");
    List<CorpusGenerator.Item> b = new CorpusGenerator(7).generate(60, 0.2, "x");
    List<CorpusGenerator.Item> c = new CorpusGenerator(8).generate(60, 0.2, "x");
    assertThat(a).isEqualTo(b);
    assertThat(a.stream().map(i -> i.article().body()).toList())
        .isNotEqualTo(c.stream().map(i -> i.article().body()).toList());
    // a prefix of a bigger corpus is the smaller corpus
    assertThat(new CorpusGenerator(7).generate(100, 0.2, "x").subList(0, 60)).isEqualTo(a);
  }

  @Test
  void idsUniqueTextsVariedAndDestinationsValid() {
    List<CorpusGenerator.Item> items = new CorpusGenerator(42).generate(500, 0.2, "t");
    assertThat(items.stream().map(i -> i.article().id()).distinct().count()).isEqualTo(500);
    assertThat(items.stream().map(i -> i.article().contentHash()).distinct().count()).isGreaterThan(490);
    Set<String> dests = items.stream().filter(CorpusGenerator.Item::onTopic).map(CorpusGenerator.Item::destination)
        .collect(Collectors.toSet());
    assertThat(dests).hasSize(CorpusGenerator.DESTINATIONS.size()).allMatch(Countries::isValid);
    assertThat(items.stream().filter(i -> !i.onTopic()).allMatch(i -> i.destination() == null)).isTrue();
    assertThat(items).allMatch(i -> !i.article().title().isBlank() && i.article().body().length() > 300);
  }

  @Test
  void originsAndDestinationsAreDisjoint() {
    Set<String> origins = new HashSet<>();
    CorpusGenerator.ORIGINS.forEach(o -> origins.add(o.iso()));
    Set<String> dests = new HashSet<>();
    CorpusGenerator.DESTINATIONS.forEach(d -> dests.add(d.iso()));
    assertThat(origins).doesNotContainAnyElementsOf(dests);
    assertThat(origins).allMatch(Countries::isValid);
  }
}
