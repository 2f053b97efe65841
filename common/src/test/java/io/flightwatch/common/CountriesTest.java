package io.flightwatch.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CountriesTest {

  @Test
  void isoAlpha2CodesAreValid() {
    assertThat(Countries.isValid("US")).isTrue();
    assertThat(Countries.isValid("CN")).isTrue();
    assertThat(Countries.isValid("GB")).isTrue();
    assertThat(Countries.isValid("CA")).isTrue();
  }

  @Test
  void otherCodesAreNot() {
    assertThat(Countries.isValid("us")).as("lower case is not a code; parse() upper-cases").isFalse();
    assertThat(Countries.isValid("UK")).as("the ISO code of the United Kingdom is GB").isFalse();
    assertThat(Countries.isValid("USA")).isFalse();
    assertThat(Countries.isValid("")).isFalse();
    assertThat(Countries.isValid(null)).isFalse();
    assertThat(Countries.isValid("XX")).isFalse();
  }

  @Test
  void theUnspecifiedBucketIsValid() {
    assertThat(Countries.UNSPECIFIED).isEqualTo("ZZ");
    assertThat(Countries.isValid("ZZ")).isTrue();
    assertThat(Countries.name("ZZ")).isEqualTo("Unspecified (no single country)");
    assertThat(Countries.parse("zz")).contains("ZZ");
  }

  @Test
  void parseNormalisesUserInput() {
    assertThat(Countries.parse(" us ")).contains("US");
    assertThat(Countries.parse("Ca")).contains("CA");
    assertThat(Countries.parse("usa")).isEmpty();
    assertThat(Countries.parse("U$")).isEmpty();
    assertThat(Countries.parse(null)).isEmpty();
  }

  @Test
  void parseIsIndependentOfTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      // Turkish upper-cases "i" to a dotted capital I: "it" must still be Italy
      Locale.setDefault(new Locale("tr", "TR"));
      assertThat(Countries.parse("it")).contains("IT");
      assertThat(Countries.name("IT")).isEqualTo("Italy");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void namesAreEnglish() {
    assertThat(Countries.name("US")).isEqualTo("United States");
    assertThat(Countries.name("CN")).isEqualTo("China");
    assertThat(Countries.name("DE")).isEqualTo("Germany");
    assertThat(Countries.name("CA")).isEqualTo("Canada");
  }

  @Test
  void anUnknownCodeIsNamedByItself() {
    assertThat(Countries.name("XX")).isEqualTo("XX");
  }

  @Test
  void everyValidCodeHasAName() {
    for (String iso : Locale.getISOCountries()) {
      assertThat(Countries.isValid(iso)).as(iso).isTrue();
      assertThat(Countries.name(iso)).as(iso).isNotBlank().isNotEqualTo(iso);
    }
  }
}
