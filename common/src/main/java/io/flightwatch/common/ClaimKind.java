package io.flightwatch.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The four kinds of claim the pipeline extracts (definitions: ../shared/eval/README.md). */
public enum ClaimKind {
  OFFICIALS_FLED,
  OFFICIALS_RETURNED,
  MONEY_MOVED_ABROAD,
  MONEY_RECOVERED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isMoney() {
    return this == MONEY_MOVED_ABROAD || this == MONEY_RECOVERED;
  }

  public static ClaimKind fromWire(String s) {
    return valueOf(s.strip().toUpperCase(Locale.ROOT));
  }
}
