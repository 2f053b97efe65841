package io.flightwatch.common;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** ISO 3166-1 alpha-2 codes and their English names, from the JDK's own table. */
public final class Countries {

  /**
   * The bucket for claims whose country is not one country (ISO's user-assigned "unknown" code): as destination,
   * aggregates spread over several countries; as origin, claims whose home country the text does not name.
   */
  public static final String UNSPECIFIED = "ZZ";

  private static final Set<String> CODES = Set.of(Locale.getISOCountries());

  private Countries() {}

  public static boolean isValid(String iso) {
    return iso != null && (CODES.contains(iso) || UNSPECIFIED.equals(iso));
  }

  /** Upper-cases and validates a user-supplied code. */
  public static Optional<String> parse(String iso) {
    if (iso == null) {
      return Optional.empty();
    }
    String up = iso.strip().toUpperCase(Locale.ROOT);
    return isValid(up) ? Optional.of(up) : Optional.empty();
  }

  public static String name(String iso) {
    if (UNSPECIFIED.equals(iso)) {
      return "Unspecified (no single country)";
    }
    if (!isValid(iso)) {
      return iso;
    }
    return new Locale("", iso).getDisplayCountry(Locale.ENGLISH);
  }
}
