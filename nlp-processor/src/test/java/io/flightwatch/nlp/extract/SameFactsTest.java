package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.common.Claim;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether two names are one person ({@link SameFacts#samePerson}), on names and sentences written for this test. */
class SameFactsTest {

  @Test
  void aSurnameOrAFullerNameIsTheSamePerson() {
    assertThat(SameFacts.samePerson("Okafor", "Chidi Okafor")).isTrue();
    assertThat(SameFacts.samePerson("Chidi Emeka Okafor", "Chidi Okafor")).isTrue();
    assertThat(SameFacts.samePerson("Chidi Okafor", "Emeka Okafor")).isFalse();
  }

  @Test
  void aLongNameSpeltOneLetterApartIsTheSamePerson() {
    assertThat(SameFacts.samePerson("Tendai Murambiwa", "Tendai Murambiwwa")).isTrue();
    assertThat(SameFacts.samePerson("Murambiwa", "Tendai Murambuwa")).isTrue();
    assertThat(SameFacts.oneLetterApart("mutharika", "mutarika")).isTrue();
  }

  @Test
  void shortNamesOneLetterApartAndNamesTwoLettersApartAreTwoPeople() {
    assertThat(SameFacts.samePerson("Lin Hao", "Liu Hao")).isFalse();
    assertThat(SameFacts.samePerson("Tendai Murambiwa", "Tendai Marambuwa")).isFalse();
    assertThat(SameFacts.oneLetterApart("okafor", "okafar")).isFalse();
  }

  @Test
  void aCaptionAndABodyThatSpellTheNameDifferentlyTellOneFlight() {
    List<Claim> c = Extractions.of("A photograph from 2003 shows Brigadier General Tendai Murambiwwa at a parade in"
        + " Harare. Murambiwa fled into exile in Mozambique in 2012 after a quarrel with the president.");
    assertThat(c).hasSize(1);
    assertThat(c.get(0).destination()).isEqualTo("MZ");
  }
}
