package io.flightwatch.nlp.geo;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.nlp.geo.CountryResolver.PlaceType;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CountryResolverTest {

  private static final CountryResolver PLACES = CountryResolver.load();

  @Test
  void aliasesResolveToIsoCodes() {
    assertThat(PLACES.resolve("U.S.")).contains("US");
    assertThat(PLACES.resolve("US")).contains("US");
    assertThat(PLACES.resolve("USA")).contains("US");
    assertThat(PLACES.resolve("America")).contains("US");
    assertThat(PLACES.resolve("the United States")).contains("US");
    assertThat(PLACES.resolve("Britain")).contains("GB");
    assertThat(PLACES.resolve("UK")).contains("GB");
    assertThat(PLACES.resolve("the Netherlands")).contains("NL");
    assertThat(PLACES.resolve("Holland")).contains("NL");
    assertThat(PLACES.resolve("UAE")).contains("AE");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"Antigua,AG", "Barbuda,AG", "St Kitts,KN", "St. Kitts,KN",
      "Saint Kitts,KN", "Nevis,KN", "St Lucia,LC", "St. Lucia,LC", "St Vincent,VC", "St. Vincent,VC",
      "the Caymans,KY", "the BVI,VG", "Curacao,CW", "Curaçao,CW", "the Turks and Caicos,TC"})
  void offshoreCentresResolveByTheirShortNames(String name, String iso) {
    // "transferred $70 million to a bank in Antigua", "a company registered in the BVI", "accounts in St Kitts"
    assertThat(PLACES.resolve(name)).contains(iso);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"PNG,PG", "BiH,BA", "NZ,NZ"})
  void initialsOfLongNamesResolve(String name, String iso) {
    // "funds taken from the PNG health budget", "a former minister now living in BiH", "NZ police said"
    assertThat(PLACES.resolve(name)).contains(iso);
  }

  @Test
  void bareCongoIsTheDemocraticRepublicAsInWireCopy() {
    assertThat(PLACES.resolve("Congo")).contains("CD");
    assertThat(PLACES.resolve("Democratic Republic of Congo")).contains("CD");
    assertThat(PLACES.resolve("Congo Republic")).contains("CG");
    assertThat(PLACES.resolve("Republic of the Congo")).contains("CG");
  }

  @Test
  void hongKongAndMacauAreTheirOwnCodes() {
    assertThat(PLACES.resolve("Hong Kong")).contains("HK");
    assertThat(PLACES.resolve("Macau")).contains("MO");
    assertThat(PLACES.resolve("Macao")).contains("MO");
  }

  @Test
  void demonymsResolveAndAreTypedAsNationalities() {
    assertThat(PLACES.resolve("Chinese")).contains("CN");
    assertThat(PLACES.resolve("Nigerian")).contains("NG");
    assertThat(PLACES.resolve("Nigerians")).contains("NG");
    assertThat(PLACES.lookup("Venezuelan").orElseThrow().type()).isEqualTo(PlaceType.NATIONALITY);
  }

  /** Every demonym row resolves to its own code (a row shadowed by another table's entry would be dead data). */
  @Test
  void everyDemonymRowResolvesToItsCountry() throws java.io.IOException {
    try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
        CountryResolver.class.getResourceAsStream("demonyms.tsv"), java.nio.charset.StandardCharsets.UTF_8))) {
      int rows = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        assertThat(PLACES.resolve(f[0])).as(f[0]).contains(f[1]);
        rows++;
      }
      assertThat(rows).isGreaterThan(220);
    }
    // the states the table lacked before: a bank's nationality, a president's
    assertThat(PLACES.resolve("Salvadoran")).contains("SV");
    assertThat(PLACES.resolve("Andorran")).contains("AD");
    assertThat(PLACES.resolve("Motswana")).contains("BW");
  }

  @Test
  void citiesAndRegionsResolveToTheirCountry() {
    assertThat(PLACES.resolve("Flushing")).contains("US");
    assertThat(PLACES.resolve("New York")).contains("US");
    assertThat(PLACES.resolve("Los Angeles")).contains("US");
    assertThat(PLACES.resolve("Vancouver")).contains("CA");
    assertThat(PLACES.resolve("Toronto")).contains("CA");
    assertThat(PLACES.resolve("B.C.")).contains("CA");
    assertThat(PLACES.resolve("Ontario")).contains("CA");
    assertThat(PLACES.resolve("California")).contains("US");
    assertThat(PLACES.resolve("Sydney")).contains("AU");
    assertThat(PLACES.resolve("Auckland")).contains("NZ");
    assertThat(PLACES.resolve("London")).contains("GB");
    assertThat(PLACES.resolve("Dubai")).contains("AE");
    assertThat(PLACES.lookup("London").orElseThrow().type()).isEqualTo(PlaceType.CITY);
  }

  @Test
  void everyIsoCountryResolvesByItsEnglishName() {
    for (String iso : Locale.getISOCountries()) {
      String name = new Locale("", iso).getDisplayCountry(Locale.ENGLISH);
      assertThat(PLACES.resolve(name)).as(name).contains(iso);
    }
  }

  @Test
  void ordinaryLowerCaseWordsAreNotPlaces() {
    assertThat(PLACES.resolve("us")).isEmpty();
    assertThat(PLACES.resolve("nice")).isEmpty();
    assertThat(PLACES.resolve("")).isEmpty();
    assertThat(PLACES.resolve(null)).isEmpty();
    assertThat(PLACES.resolve("Atlantis")).isEmpty();
  }

  @Test
  void capitalisedHeadlinesAndPossessivesResolve() {
    assertThat(PLACES.resolve("CHINA")).contains("CN");
    assertThat(PLACES.resolve("Canada's")).contains("CA");
  }
}
