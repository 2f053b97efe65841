package io.flightwatch.aggregator.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

  @Test
  void aParameterTheEndpointDoesNotReadIsA400NamingTheValidOnes() {
    assertThatThrownBy(() -> QueryParams.check("/api/countries", Set.of("since", "kind")))
        .isInstanceOf(ApiException.class)
        .hasMessage("unknown query parameter(s) for /api/countries: since (valid: cursor, format, from, kind, limit, "
            + "role, to)");
    assertThatThrownBy(() -> QueryParams.check("/api/countries/CN", Set.of("format")))
        .hasMessageContaining("/api/countries/{iso}: format (it takes none)");
    assertThatThrownBy(() -> QueryParams.check("/api/cases/UA:doe", Set.of("country")))
        .hasMessageContaining("/api/cases/{id}");
  }

  @Test
  void theParametersAnEndpointReadsAndPagesOutsideTheApiPass() {
    assertThatCode(() -> {
      QueryParams.check("/api/countries", Set.of("role", "kind", "from", "to", "limit"));
      QueryParams.check("/api/countries/CN/evidence", Set.of("kind", "limit"));
      QueryParams.check("/api/cases/local", Set.of("country"));
      QueryParams.check("/api/sources", Set.of("claim", "after", "limit"));
      QueryParams.check("/", Set.of("role", "kind", "country"));
      QueryParams.check("/app.js", Set.of("v"));
    }).doesNotThrowAnyException();
  }
}
