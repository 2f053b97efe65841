package io.flightwatch.bench;

/** One row of the report: a measure, its value, the target it is held to and the verdict ("" where there is none). */
public record Row(String measure, String value, String target, String verdict) {

  /** A row without a target. */
  public static Row info(String measure, String value) {
    return new Row(measure, value, "", "");
  }
}
