package io.flightwatch.nlp.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Samples;
import io.flightwatch.common.Subject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimCapsTest {

  private static Claim named(int i, String person) {
    return Samples.claim(i, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "PE", "US").count(1L).namedPerson(person)
        .valueText(person).keyed();
  }

  @Test
  void aRollOfNamesAddsAtMostTheCapOfPeople() {
    List<Claim> roll = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      roll.add(named(i, "Person Number " + i));
    }
    roll.add(named(500, "person number 3")); // someone already kept: still kept
    ClaimCaps.Result r = ClaimCaps.apply(roll);
    assertThat(r.kept()).hasSize(ClaimCaps.MAX_NAMED_PEOPLE + 1);
    assertThat(r.kept().get(0).namedPerson()).isEqualTo("Person Number 0");
    assertThat(r.dropped()).isEqualTo(500 - ClaimCaps.MAX_NAMED_PEOPLE);
    assertThat(r.warnings()).singleElement().asString().contains("named people dropped");
  }

  @Test
  void anOrdinaryArticleKeepsEverything() {
    List<Claim> few = List.of(named(0, "Ana Quispe"), Samples.moneyMoved(), Samples.returnedSince2015());
    ClaimCaps.Result r = ClaimCaps.apply(few);
    assertThat(r.kept()).isEqualTo(few);
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void claimsBeyondThePerArticleCapAreDropped() {
    List<Claim> many = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      many.add(Samples.claim(i, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "PE", "US").count((long) i + 1).keyed());
    }
    ClaimCaps.Result r = ClaimCaps.apply(many);
    assertThat(r.kept()).hasSize(ClaimCaps.MAX_CLAIMS);
    assertThat(r.overflow()).isEqualTo(100 - ClaimCaps.MAX_CLAIMS);
  }
}
