package io.flightwatch.common;
import org.junit.jupiter.api.Test;
class ScratchPrintTest {
  @Test void print() throws Exception {
    var w = Json.MAPPER.writerWithDefaultPrettyPrinter();
    System.out.println(w.writeValueAsString(Samples.article()));
    System.out.println(w.writeValueAsString(Samples.annotated()));
    System.out.println(w.writeValueAsString(Samples.chinaTotals()));
    System.out.println(Json.MAPPER.writeValueAsString(new java.math.BigDecimal("1E+9")));
  }
}
