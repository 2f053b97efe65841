package io.flightwatch.common;

/** A country's totals in one role (as destination, or as origin). Money is in USD. */
public record RoleTotals(Band officialsFled, Band officialsReturned, Band moneyMovedUsd, Band moneyRecoveredUsd) {

  public static final RoleTotals EMPTY = new RoleTotals(Band.EMPTY, Band.EMPTY, Band.EMPTY, Band.EMPTY);

  public Band of(ClaimKind kind) {
    return switch (kind) {
      case OFFICIALS_FLED -> officialsFled;
      case OFFICIALS_RETURNED -> officialsReturned;
      case MONEY_MOVED_ABROAD -> moneyMovedUsd;
      case MONEY_RECOVERED -> moneyRecoveredUsd;
    };
  }

  public RoleTotals with(ClaimKind kind, Band band) {
    return switch (kind) {
      case OFFICIALS_FLED -> new RoleTotals(band, officialsReturned, moneyMovedUsd, moneyRecoveredUsd);
      case OFFICIALS_RETURNED -> new RoleTotals(officialsFled, band, moneyMovedUsd, moneyRecoveredUsd);
      case MONEY_MOVED_ABROAD -> new RoleTotals(officialsFled, officialsReturned, band, moneyRecoveredUsd);
      case MONEY_RECOVERED -> new RoleTotals(officialsFled, officialsReturned, moneyMovedUsd, band);
    };
  }
}
