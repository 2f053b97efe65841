package io.flightwatch.aggregator.topology;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The two roles a country plays in a claim: where officials or money went (or came back from), and whose they were. */
public enum Role {
  DESTINATION,
  ORIGIN;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
