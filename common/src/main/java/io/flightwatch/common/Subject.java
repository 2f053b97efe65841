package io.flightwatch.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who a claim is about. */
public enum Subject {
  OFFICIALS,
  FUGITIVES,
  NON_OFFICIAL,
  FAMILY,
  UNSPECIFIED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
