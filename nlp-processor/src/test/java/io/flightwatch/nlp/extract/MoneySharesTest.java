package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shares of an amount held by one person ({@link MoneyShares}), on sentences written for this test. */
class MoneySharesTest {

  private static List<Claim> money(String body) {
    return Extractions.of(body).stream().filter(c -> c.kind().isMoney()).toList();
  }

  @Test
  void eachHoldersShareOfReturnedMoneyIsAClaimThatOverlapsTheWhole() {
    List<Claim> c = money("Norway on Monday returned to Peru $9 million linked to a former defence minister. The bulk"
        + " of the money, $6 million, was in accounts belonging to the jailed Ana Ruiz. Another $2 million was in an"
        + " account held by retired Gen. Luis Soto, who led the army in the 1990s.");
    assertThat(c).extracting(Claim::kind, Claim::destination, Claim::amount, Claim::namedPerson, Claim::overlapsWith)
        .containsExactly(
            tuple(ClaimKind.MONEY_RECOVERED, "NO", new BigDecimal("9000000"), null, null),
            tuple(ClaimKind.MONEY_RECOVERED, "NO", new BigDecimal("6000000"), "Ana Ruiz", 0),
            tuple(ClaimKind.MONEY_RECOVERED, "NO", new BigDecimal("2000000"), "Luis Soto", 0));
    assertThat(c).extracting(Claim::origin).containsOnly("PE");
  }

  @Test
  void anotherAmountThatNoPersonHoldsIsNoShare() {
    assertThat(money("Norway on Monday returned to Peru $9 million linked to a former defence minister. Another"
        + " $2 million was spent on lawyers."))
        .extracting(Claim::amount).containsExactly(new BigDecimal("9000000"));
  }

  @Test
  void aHeldAmountLargerThanTheOneBeforeIsNoShareOfIt() {
    assertThat(money("Norway on Monday returned to Peru $9 million linked to a former defence minister. Another"
        + " $40 million is still in accounts held by Ana Ruiz."))
        .extracting(Claim::amount).containsExactly(new BigDecimal("9000000"));
  }

  @Test
  void anAccountHolderWithNoAmountBeforeIsNoShare() {
    assertThat(money("Prosecutors said part of $6 million sat in accounts belonging to Ana Ruiz.")).isEmpty();
  }
}
