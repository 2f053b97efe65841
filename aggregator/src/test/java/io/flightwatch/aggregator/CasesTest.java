package io.flightwatch.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.aggregator.topology.AggregatorTopology;
import io.flightwatch.aggregator.topology.AggregatorTopology.Options;
import io.flightwatch.aggregator.topology.CaseRules;
import io.flightwatch.common.Case;
import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.JsonSerde;
import io.flightwatch.common.Samples;
import io.flightwatch.common.Subject;
import io.flightwatch.common.Topics;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases of named people: ids, alias merge, the timeline and its status, on our own sentences. */
class CasesTest {

  private static final Instant JAN = Instant.parse("2019-01-10T08:00:00Z");
  private static final Instant JUN = Instant.parse("2021-06-02T08:00:00Z");
  private static final Instant SEP = Instant.parse("2023-09-15T08:00:00Z");

  @TempDir
  Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, Claim> claims;
  private TestOutputTopic<String, Case> casesOut;

  @BeforeEach
  void setUp() {
    driver = new TopologyTestDriver(AggregatorTopology.build(Options.defaults()),
        AggregatorTopologyTest.props(stateDir));
    claims = driver.createInputTopic(Topics.CLAIMS.name(), Serdes.String().serializer(),
        JsonSerde.of(Claim.class).serializer());
    casesOut = driver.createOutputTopic(Topics.CASES.name(), Serdes.String().deserializer(),
        JsonSerde.of(Case.class).deserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  private void send(Claim c) {
    claims.pipeInput(c.key(), c, c.publishedAt());
  }

  private Case stored(String id) {
    KeyValueStore<String, Case> s = driver.getKeyValueStore(AggregatorTopology.CASES_STORE);
    return s.get(id);
  }

  private static Samples.ClaimBuilder about(ClaimKind kind, String origin, String dest, String person, String article,
      Instant when, String sentence) {
    return Samples.claim(0, kind, Subject.OFFICIALS, origin, dest).article(article, "v1").count(1L)
        .namedPerson(person).valueText(person).quote(sentence).url("https://www." + article + ".com/a")
        .publishedAt(when);
  }

  @Test
  void caseIdsKeepFamilyNameFirstOrderAndMergeWesternNamesOnTheFamilyName() {
    CaseRules rules = CaseRules.get();
    assertThat(rules.caseId("UA", "Former President Viktor F. Yanukovych")).isEqualTo("UA:yanukovych");
    assertThat(rules.caseId("UA", "Yanukovych")).isEqualTo("UA:yanukovych");
    assertThat(rules.caseId("CN", "Dai Xuemin")).isEqualTo("CN:dai xuemin");
    assertThat(rules.caseId("CN", "Dai Xiaoming")).isEqualTo("CN:dai xiaoming");
    assertThat(rules.caseId(null, "Ms. Renata Kowalczyk-Brandt")).isEqualTo("ZZ:brandt");
    assertThat(rules.normalise("Gen. Okafor")).isEqualTo("okafor");
  }

  @Test
  void oneFugitiveAcrossOutletsAndYearsBecomesOneCaseWithATimeline() {
    send(about(ClaimKind.OFFICIALS_FLED, "PE", "US", "Rodrigo Salcedo", "art-fled", JAN,
        "Rodrigo Salcedo, the former transport minister, fled to the United States in 2018.").keyed());
    send(about(ClaimKind.OFFICIALS_FLED, "PE", "US", "Salcedo", "art-found", JUN,
        "Investigators say Salcedo is living in Miami under another name.").keyed());
    send(about(ClaimKind.MONEY_MOVED_ABROAD, "PE", "PA", "Rodrigo Salcedo", "art-money", JUN.plusSeconds(86_400),
        "Rodrigo Salcedo moved $12 million to accounts in Panama.").count(null)
        .amount(new BigDecimal("12000000"), "USD").usd(new BigDecimal("12000000.00"), null, null)
        .valueText("$12 million").keyed());
    send(about(ClaimKind.OFFICIALS_RETURNED, "PE", "US", "Rodrigo Salcedo", "art-back", SEP,
        "Rodrigo Salcedo was extradited from the United States on Friday.").keyed());
    // The same return reported by a second outlet: one event, two sources.
    send(about(ClaimKind.OFFICIALS_RETURNED, "PE", "US", "Rodrigo Salcedo", "art-back-2", SEP.plusSeconds(3600),
        "Rodrigo Salcedo was extradited from the United States on Friday, prosecutors said.").keyed());

    Case c = stored("PE:salcedo");
    assertThat(c.name()).isEqualTo("Rodrigo Salcedo");
    assertThat(c.aliases()).containsExactly("rodrigo salcedo", "salcedo");
    assertThat(c.offices()).containsExactly("former transport minister");
    assertThat(c.timeline()).extracting(Case.Event::event)
        .containsExactly("fled", "located", "money_moved", "returned");
    assertThat(c.timeline().get(3).sources()).isEqualTo(2);
    assertThat(c.status()).isEqualTo("returned");
    assertThat(c.returnChannel()).isEqualTo("extradition");
    assertThat(c.destinations()).extracting(Case.Destination::country).containsExactly("US");
    assertThat(c.moneyMovedHighUsd()).isEqualByComparingTo("12000000");
    Map<String, Case> published = casesOut.readKeyValuesToMap();
    assertThat(published.get("PE:salcedo")).isEqualTo(c);
  }

  @Test
  void hedgedSightingsArrestsAndTheLatestEventSetTheStatus() {
    send(about(ClaimKind.OFFICIALS_FLED, "KE", "AE", "Amani Wekesa", "art-1", JAN,
        "Amani Wekesa, a former county governor, is believed to be hiding in Dubai.").hedged(true).keyed());
    Case c = stored("KE:wekesa");
    assertThat(c.status()).isEqualTo("located");
    assertThat(c.destinations()).singleElement().satisfies(d -> assertThat(d.hedged()).isTrue());
    assertThat(c.offices()).containsExactly("former county governor");

    send(about(ClaimKind.OFFICIALS_FLED, "KE", "AE", "Wekesa", "art-2", JUN,
        "Police in Dubai arrested Wekesa on an international warrant.").keyed());
    assertThat(stored("KE:wekesa").status()).isEqualTo("arrested_abroad");
    assertThat(stored("KE:wekesa").destinations()).singleElement()
        .satisfies(d -> assertThat(d.hedged()).isFalse());
  }

  @Test
  void aCaseWithoutClaimsIsWithdrawnAndAChangedOriginMovesTheClaim() {
    Claim unplaced = about(ClaimKind.OFFICIALS_FLED, null, "BR", "Tomas Reinholt", "art-a", JUN,
        "Tomas Reinholt fled to Brazil.").keyed();
    send(unplaced);
    assertThat(stored("ZZ:reinholt")).isNotNull();

    // An earlier report gives his country: the claim's representative now has an origin, and so does the case.
    send(about(ClaimKind.OFFICIALS_FLED, "AT", "BR", "Tomas Reinholt", "art-b", JAN,
        "Tomas Reinholt, an Austrian banker, fled to Brazil.").keyed());
    assertThat(stored("ZZ:reinholt")).isNull();
    assertThat(stored("AT:reinholt").timeline()).singleElement().satisfies(e -> assertThat(e.sources()).isEqualTo(2));

    send(about(ClaimKind.OFFICIALS_FLED, "AT", "BR", "Tomas Reinholt", "art-b", JAN, "x").keyed().asRetraction());
    send(unplaced.asRetraction());
    assertThat(stored("AT:reinholt")).isNull();
    Map<String, Case> published = casesOut.readKeyValuesToMap();
    assertThat(published).containsEntry("AT:reinholt", null).containsEntry("ZZ:reinholt", null);
  }
}
