package io.flightwatch.nlp.geo;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.nlp.geo.Gazetteer.Entry;
import io.flightwatch.nlp.geo.Gazetteer.Kind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GazetteerTest {

  private static Gazetteer geo;

  @BeforeAll
  static void load() {
    long t0 = System.nanoTime();
    geo = Gazetteer.load();
    // Reported, never asserted: timing depends on the machine.
    System.out.printf("Gazetteer: %d names loaded in %d ms%n", geo.size(), (System.nanoTime() - t0) / 1_000_000);
  }

  private static String resolve(String name) {
    return geo.resolve(name, Set.of()).orElse(null);
  }

  @Test
  void loadsOnceWithTensOfThousandsOfNames() {
    assertThat(Gazetteer.load()).isSameAs(geo);
    assertThat(geo.size()).isGreaterThan(50_000);
  }

  @Test
  void capitalsResolveAndRankFirst() {
    assertThat(resolve("London")).isEqualTo("GB");
    assertThat(resolve("Canberra")).isEqualTo("AU");
    assertThat(geo.candidates("London").get(0)).isEqualTo(new Entry("London", "GB", 7_556_900, Kind.CAPITAL));
    assertThat(geo.candidates("London")).extracting(Entry::iso).contains("GB", "CA");
  }

  @Test
  void aHyphenatedNameIsFoundAsNewsWritesIt() {
    assertThat(resolve("Port-Vila")).isEqualTo("VU");
    assertThat(resolve("Port Vila")).isEqualTo("VU");
    assertThat(resolve("Port au Prince")).isEqualTo("HT");
  }

  @Test
  void citiesResolve() {
    assertThat(resolve("Dubai")).isEqualTo("AE");
    assertThat(resolve("Hammamet")).isEqualTo("TN");
    assertThat(resolve("Miami")).isEqualTo("US");
    assertThat(resolve("Shanghai")).isEqualTo("CN");
    assertThat(resolve("Mumbai")).isEqualTo("IN");
  }

  @Test
  void aNameCalledARegionIsReadAsOneEvenWhenAloneItIsAWord() {
    assertThat(resolve("Delta")).isNull();
    assertThat(geo.resolveRegion("Delta", List.of())).contains("NG");
    assertThat(geo.resolveRegion("Oyo", List.of())).contains("NG"); // no region of that spelling: the city's country
  }

  @Test
  void adminRegionsResolve() {
    assertThat(resolve("Florida")).isEqualTo("US");
    assertThat(resolve("Bavaria")).isEqualTo("DE");
    assertThat(resolve("British Columbia")).isEqualTo("CA");
    assertThat(resolve("Kano State")).isEqualTo("NG");
    assertThat(geo.candidates("Florida").get(0).kind()).isEqualTo(Kind.ADMIN1);
    assertThat(resolve("Orange County")).isEqualTo("US");
    assertThat(geo.candidates("Orange County")).extracting(Entry::kind).containsExactly(Kind.ADMIN2);
  }

  @Test
  void handAliasesAndExonymsResolve() {
    assertThat(resolve("Calif.")).isEqualTo("US");
    assertThat(resolve("B.C.")).isEqualTo("CA");
    assertThat(resolve("N.S.W.")).isEqualTo("AU");
    assertThat(resolve("NYC")).isEqualTo("US");
    assertThat(resolve("Flushing")).isEqualTo("US");
    assertThat(resolve("Geneva")).isEqualTo("CH");
    assertThat(resolve("Macau")).isEqualTo("MO");
    assertThat(resolve("Ontario")).isEqualTo("CA");
    assertThat(resolve("Scotland")).isEqualTo("GB");
    assertThat(geo.candidates("Macau").get(0).kind()).isEqualTo(Kind.ALIAS);
    // An alias outranks a same-named GeoNames place elsewhere and is taken as unambiguous.
    assertThat(geo.candidates("Venice")).extracting(Entry::iso).containsExactly("IT", "US");
    assertThat(resolve("Venice")).isEqualTo("IT");
    assertThat(resolve("Virginia")).isEqualTo("US"); // not the Free State town
  }

  @Test
  void stopListedWordsAndSurnamesGiveNothing() {
    for (String name : List.of("Xu", "Gao", "Chung", "Lincoln", "Jackson", "Nice", "Reading", "Police", "Delta",
        "March", "President", "NICE", "Lincoln's")) {
      assertThat(geo.candidates(name)).as(name).isEmpty();
      assertThat(geo.resolve(name, Set.of("US", "GB", "FR", "CN", "ML"))).as(name).isEmpty();
    }
  }

  @Test
  void contextChoosesBetweenSameNamedPlaces() {
    assertThat(geo.resolve("Richmond", Set.of("CA"))).contains("CA");
    assertThat(geo.resolve("Richmond", Set.of("US", "FR"))).contains("US");
    assertThat(geo.resolve("Richmond", Set.of("au"))).contains("AU");
    assertThat(geo.resolve("Victoria", Set.of("CA"))).contains("CA");
    assertThat(geo.resolve("Victoria", Set.of("AU"))).contains("AU");
    assertThat(geo.resolve("London", Set.of("CA"))).contains("CA");
    // A context country without such a place does not change the answer.
    assertThat(geo.resolve("London", Set.of("DE"))).contains("GB");
  }

  @Test
  void theSameNameWithoutItsAccentCountsForContext() {
    // "San José" is Costa Rica's capital; spelt "San Jose", the largest is in California
    assertThat(geo.resolve("San José", Set.of("US"))).contains("US");
    assertThat(geo.resolve("San José", Set.of("CR", "US"))).contains("CR");
    assertThat(geo.resolve("San José", Set.of("DE"))).contains("CR");
  }

  @Test
  void ambiguousNamesGiveNothingWithoutContext() {
    assertThat(geo.resolve("Richmond", Set.of())).isEmpty();
    assertThat(geo.resolve("Victoria", Set.of())).isEmpty();
    assertThat(geo.resolve("Victoria", null)).isEmpty();
    assertThat(geo.candidates("Richmond")).extracting(Entry::iso).contains("US", "CA", "AU", "ZA");
  }

  @Test
  void regionsCountATenthOfTheirSummedPopulation() {
    // Victoria, Australia sums 4.9M over its cities; weighed as 493k it does not drown Victoria, BC (290k).
    Entry state = geo.candidates("Victoria").stream().filter(e -> e.iso().equals("AU")).findFirst().orElseThrow();
    assertThat(state.kind()).isEqualTo(Kind.ADMIN1);
    assertThat(Gazetteer.weight(state)).isEqualTo(state.population() / 10);
    assertThat(resolve("Washington")).isEqualTo("US");
  }

  @Test
  void caseRules() {
    assertThat(resolve("LONDON")).isEqualTo("GB");
    assertThat(resolve("zurich")).isNull();
    assertThat(resolve("Zurich")).isEqualTo("CH");
    assertThat(resolve("london")).isNull();
    assertThat(resolve("Sao Paulo")).isEqualTo("BR");
    assertThat(resolve("Nowhere Special")).isNull();
    assertThat(geo.candidates("")).isEmpty();
    assertThat(geo.candidates(null)).isEmpty();
  }

  @Test
  void leadingTheAndPossessivesAreIgnored() {
    assertThat(resolve("London's")).isEqualTo("GB");
    assertThat(resolve("Dubai’s")).isEqualTo("AE");
    assertThat(resolve("the Bronx")).isEqualTo("US");
    assertThat(resolve("The Hague")).isEqualTo("NL");
    assertThat(resolve("the Hague")).isEqualTo("NL");
    assertThat(resolve("the Algarve")).isEqualTo("PT");
    assertThat(resolve("Wales'")).isEqualTo("GB");
  }
}
