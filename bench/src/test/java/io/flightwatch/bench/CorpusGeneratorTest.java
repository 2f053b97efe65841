package io.flightwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.stanford.nlp.process.PTBTokenizer;
import io.flightwatch.common.Countries;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
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
    assertThat(new CorpusGenerator(1).generate(50, 0.0,
        "t").stream().noneMatch(CorpusGenerator.Item::onTopic)).isTrue();
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

  @Test
  void articlesAreNewsLengthOnAndOffTopic() {
    List<CorpusGenerator.Item> items = new CorpusGenerator(42).generate(200, 0.2, "t");
    IntSummaryStatistics on = new IntSummaryStatistics();
    IntSummaryStatistics off = new IntSummaryStatistics();
    for (CorpusGenerator.Item it : items) {
      String text = it.article().fullText();
      int words = text.strip().split("\\s+").length;
      int punctuationSplit = CorpusGenerator.tokens(text);
      // CoreNLP's tokenizer, which the bench counts tokens with
      int coreNlp = PTBTokenizer.newPTBTokenizer(new StringReader(text), false, false).tokenize().size();
      assertThat(List.of(words, punctuationSplit, coreNlp)).as("%s: words, tokens, CoreNLP tokens", it.article().id())
          .allMatch(n -> n >= 400 && n <= 900);
      (it.onTopic() ? on : off).accept(coreNlp);
    }
    assertThat(on.getCount()).isEqualTo(40);
    // lengths spread over the range, for on- and off-topic articles alike
    for (IntSummaryStatistics s : List.of(on, off)) {
      assertThat(s.getMin()).isLessThan(520);
      assertThat(s.getMax()).isGreaterThan(780);
      assertThat(s.getAverage()).isBetween(560.0, 740.0);
    }
  }

  @Test
  void claimSitsAmongBackgroundThatNamesNoOtherDestination() {
    List<CorpusGenerator.Item> items = new CorpusGenerator(42).generate(400, 0.5, "t");
    Map<String, String> names = new HashMap<>();
    CorpusGenerator.DESTINATIONS.forEach(d -> names.put(d.iso(), d.name()));
    int inLead = 0;
    int later = 0;
    for (CorpusGenerator.Item it : items.stream().filter(CorpusGenerator.Item::onTopic).toList()) {
      String dest = names.get(it.destination());
      String[] paragraphs = it.article().body().split("\n\n");
      assertThat(paragraphs.length).as(it.article().id()).isGreaterThanOrEqualTo(6);
      int first = -1;
      int naming = 0;
      for (int p = 0; p < paragraphs.length; p++) {
        if (paragraphs[p].contains(dest)) {
          first = first < 0 ? p : first;
          naming++;
        }
      }
      assertThat(first).as("%s names %s", it.article().id(), dest).isGreaterThanOrEqualTo(0);
      assertThat(naming).as("paragraphs naming the destination in %s", it.article().id()).isLessThanOrEqualTo(2);
      if (first == 0) {
        inLead++;
      } else {
        later++;
      }
      // the claim is the only place a destination country is named: the latency probe relies on it
      for (CorpusGenerator.Place other : CorpusGenerator.DESTINATIONS) {
        if (!other.iso().equals(it.destination())) {
          assertThat(Pattern.compile("\\b" + Pattern.quote(other.name())
              + "\\b").matcher(it.article().fullText()).find())
              .as("%s names %s besides its destination %s", it.article().id(), other.name(), dest).isFalse();
        }
      }
    }
    assertThat(inLead + later).isEqualTo(200);
    assertThat(inLead).isBetween(40, 120);
    assertThat(later).isBetween(80, 160);
  }

  @Test
  void sentencesVaryAndNoneRepeatsWithinAnArticle() {
    List<CorpusGenerator.Item> items = new CorpusGenerator(42).generate(200, 0.2, "t");
    List<String> all = new ArrayList<>();
    for (CorpusGenerator.Item it : items) {
      List<String> sentences = List.of(it.article().body().split("(?<=[.!?])\\s+"));
      assertThat(new HashSet<>(sentences)).as(it.article().id()).hasSameSizeAs(sentences);
      all.addAll(sentences);
    }
    assertThat(all.size()).isGreaterThan(200 * 25);
    assertThat(new HashSet<>(all).size()).isGreaterThan(all.size() * 6 / 10);
    // round-ups (generic titles) and single-subject stories both occur
    List<Pattern> roundupTitles = CorpusGenerator.TEXT.section("roundup.title").stream()
        .map(t -> Pattern.compile(Pattern.quote(t).replaceAll("\\{[^}]*}", "\\\\E.*\\\\Q"))).toList();
    long roundups = items.stream()
        .filter(i -> roundupTitles.stream().anyMatch(p -> p.matcher(i.article().title()).matches())).count();
    assertThat(roundups).isBetween(30L, 70L);
  }

  @Test
  void everyTemplateExpands() {
    Map<String, String> ctx = new HashMap<>();
    for (String k : List.of("city", "city2", "country", "country2", "team", "rival", "company", "company2", "mayor",
        "year")) {
      ctx.put(k, "X");
    }
    Random r = new Random(1);
    int n = 0;
    for (String section : CorpusGenerator.TEXT.sectionNames()) {
      for (String t : CorpusGenerator.TEXT.section(section)) {
        String s = CorpusGenerator.TEXT.expand(t, r, ctx);
        assertThat(s).as(t).doesNotContain("{", "}").doesNotStartWith(" ");
        assertThat(Character.isUpperCase(s.charAt(0)) || Character.isDigit(s.charAt(0))).as(s).isTrue();
        n++;
      }
    }
    assertThat(n).isGreaterThan(200);
    assertThatThrownBy(() -> CorpusGenerator.TEXT.expand("a {nosuchlist} b", r, ctx))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everydayUsesOfFlightWordsAppearInAboutAThirdOfOffTopicArticles() {
    // "returned from injury", "transfer window", "economic recovery": words the flight vocabulary shares with ordinary
    // news, at about the share of 650-word news articles that have one (the template resource's header says why)
    Pattern everyday = Pattern.compile("\\b(return\\w*|recover\\w*|transfer\\w*|overseas|escap\\w*)",
        Pattern.CASE_INSENSITIVE);
    List<CorpusGenerator.Item> off = new CorpusGenerator(42).generate(1000, 0.2, "t").stream()
        .filter(i -> !i.onTopic()).toList();
    long with = off.stream().filter(i -> everyday.matcher(i.article().fullText()).find()).count();
    assertThat(with / (double) off.size()).isBetween(0.20, 0.45);
  }
}
