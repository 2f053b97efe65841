package io.flightwatch.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonSerdeTest {

  static Stream<Arguments> everyRecord() {
    return Stream.of(
        Arguments.of(Article.class, Samples.article()),
        Arguments.of(Article.class, Samples.articleWithoutUrl()),
        Arguments.of(AnnotatedArticle.class, Samples.annotated()),
        Arguments.of(EntityMention.class, Samples.annotated().entities().get(0)),
        Arguments.of(MoneyMention.class, Samples.annotated().money().get(0)),
        Arguments.of(ProcessingInfo.class, new ProcessingInfo("rules-1.0", "", false, 10, 0, true, List.of("cut"))),
        Arguments.of(Claim.class, Samples.namedFled()),
        Arguments.of(Claim.class, Samples.moneyMoved().asRetraction()),
        Arguments.of(Claim.class, Samples.returnedSince2015()),
        Arguments.of(CountryTotals.class, Samples.chinaTotals()),
        Arguments.of(RoleTotals.class, RoleTotals.EMPTY),
        Arguments.of(Band.class, new Band(new BigDecimal("1.50"), new BigDecimal("2.500"), 2, 3, 2,
            "officials_fled|officials|CN|US|1.5|-")),
        Arguments.of(SeenArticle.class, new SeenArticle("a1", "h1", null)),
        Arguments.of(FeedState.class, new FeedState("https://feeds.example.net/world.rss", "\"abc-123\"",
            "Tue, 12 Mar 2024 08:30:00 GMT", 2, Instant.parse("2024-03-12T08:31:05.250Z"))),
        Arguments.of(FeedState.class, new FeedState("https://feeds.example.net/asia.rss", null, null, 0, null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRecord")
  <T> void everyRecordRoundTrips(Class<T> type, T value) {
    JsonSerde<T> serde = JsonSerde.of(type);
    byte[] bytes = serde.serialize("t", value);
    assertThat(serde.deserialize("t", bytes)).isEqualTo(value);
    assertThat(serde.type()).isEqualTo(type);
    assertThat(serde.serializer()).isSameAs(serde);
    assertThat(serde.deserializer()).isSameAs(serde);
  }

  @Test
  void bigDecimalKeepsItsScaleAndValue() throws Exception {
    Band band = new Band(new BigDecimal("41700000.00"), new BigDecimal("12345678901234567890.125"), 1, 1, 0, null);
    JsonSerde<Band> serde = JsonSerde.of(Band.class);
    byte[] bytes = serde.serialize("country-totals", band);
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .contains("\"low\":41700000.00")
        .contains("\"high\":12345678901234567890.125");
    Band back = serde.deserialize("country-totals", bytes);
    // equals on BigDecimal compares scale too: 41700000.00 must not come back as 4.17E+7 or 41700000
    assertThat(back.low()).isEqualTo(new BigDecimal("41700000.00"));
    assertThat(back.low().scale()).isEqualTo(2);
    assertThat(back.high()).isEqualTo(new BigDecimal("12345678901234567890.125"));
  }

  @Test
  void numbersWithAnExponentReadBackExactly() {
    Band band = new Band(new BigDecimal("1E+9"), new BigDecimal("2.5E+10"), 2, 2, 0, null);
    JsonSerde<Band> serde = JsonSerde.of(Band.class);
    Band back = serde.deserialize("t", serde.serialize("t", band));
    assertThat(back.low()).isEqualByComparingTo("1000000000");
    assertThat(back.high()).isEqualByComparingTo("25000000000");
  }

  @Test
  void instantsAreIsoStringsInUtc() throws Exception {
    Instant t = Instant.parse("2024-03-12T09:02:17.482123Z");
    Article a = new Article("x", null, "stdin", "t", "b", null, t, t, "h");
    JsonNode json = Json.MAPPER.readTree(JsonSerde.of(Article.class).serialize("articles.raw", a));
    assertThat(json.get("publishedAt").isTextual()).isTrue();
    assertThat(json.get("publishedAt").asText()).isEqualTo("2024-03-12T09:02:17.482123Z");
    assertThat(JsonSerde.of(Article.class).deserialize("articles.raw", Json.MAPPER.writeValueAsBytes(json))
        .publishedAt()).isEqualTo(t);
  }

  @Test
  void instantsWithAnOffsetAreReadAsTheSameMoment() {
    String json = "{\"id\":\"x\",\"source\":\"s\",\"fetchedAt\":\"2024-03-12T10:30:00+02:00\",\"contentHash\":\"h\"}";
    Article a = JsonSerde.of(Article.class).deserialize("articles.raw", json.getBytes(StandardCharsets.UTF_8));
    assertThat(a.fetchedAt()).isEqualTo(Instant.parse("2024-03-12T08:30:00Z"));
  }

  @Test
  void enumsUseTheirSnakeCaseWireNamesBothWays() throws Exception {
    Claim c = Samples.claim(0, ClaimKind.MONEY_MOVED_ABROAD, Subject.NON_OFFICIAL, "CN", "US")
        .amount(new BigDecimal("5"), "USD").keyed();
    JsonNode json = Json.MAPPER.readTree(JsonSerde.of(Claim.class).serialize("claims", c));
    assertThat(json.get("kind").asText()).isEqualTo("money_moved_abroad");
    assertThat(json.get("subject").asText()).isEqualTo("non_official");

    for (ClaimKind k : ClaimKind.values()) {
      assertThat(Json.MAPPER.writeValueAsString(k)).isEqualTo("\"" + k.wireName() + "\"");
      assertThat(Json.MAPPER.readValue("\"" + k.wireName() + "\"", ClaimKind.class)).isEqualTo(k);
      assertThat(ClaimKind.fromWire(" " + k.wireName() + " ")).isEqualTo(k);
    }
    for (Subject s : Subject.values()) {
      assertThat(Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(s), Subject.class)).isEqualTo(s);
    }
  }

  @Test
  void anUnknownEnumValueIsASerializationException() throws Exception {
    ObjectNode json = (ObjectNode) Json.MAPPER.readTree(JsonSerde.of(Claim.class).serialize("claims",
        Samples.namedFled()));
    json.put("kind", "officials_vanished");
    byte[] bytes = Json.MAPPER.writeValueAsBytes(json);
    assertThatThrownBy(() -> JsonSerde.of(Claim.class).deserialize("claims", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("claims")
        .hasMessageContaining("Claim");
  }

  @Test
  void nullFieldsAreWrittenAndReadBackAsNull() throws Exception {
    Article a = Samples.articleWithoutUrl();
    byte[] bytes = JsonSerde.of(Article.class).serialize("articles.raw", a);
    JsonNode json = Json.MAPPER.readTree(bytes);
    // the contract: every field is present, absent values are explicit nulls
    assertThat(json.has("url")).isTrue();
    assertThat(json.get("url").isNull()).isTrue();
    assertThat(json.get("publishedAt").isNull()).isTrue();
    assertThat(json.get("language").isNull()).isTrue();
    Article back = JsonSerde.of(Article.class).deserialize("articles.raw", bytes);
    assertThat(back.url()).isNull();
    assertThat(back.publishedAt()).isNull();
  }

  @Test
  void nullOrMissingListsAreReadAsEmptyLists() {
    String json = "{\"articleId\":\"a\",\"articleVersion\":\"v\",\"entities\":null,\"processing\":null}";
    AnnotatedArticle a = JsonSerde.of(AnnotatedArticle.class).deserialize("articles.annotated",
        json.getBytes(StandardCharsets.UTF_8));
    assertThat(a.entities()).isEmpty();
    assertThat(a.money()).isEmpty();
    assertThat(a.claims()).isEmpty();
  }

  @Test
  void unknownFieldsAreTolerated() {
    String written = new String(JsonSerde.of(Claim.class).serialize("claims", Samples.moneyMoved()),
        StandardCharsets.UTF_8);
    // spliced into the text rather than via the tree model, which would rewrite the numbers (see below)
    String newer = "{\"addedByANewerProcessor\":\"ignored\",\"nested\":{\"deep\":[1,2]}," + written.substring(1);
    Claim back = JsonSerde.of(Claim.class).deserialize("claims", newer.getBytes(StandardCharsets.UTF_8));
    assertThat(back).isEqualTo(Samples.moneyMoved());
  }

  /**
   * Code that goes through the tree model of the one mapper (valueToTree, readTree, e.g. to add a field before
   * answering a REST call) must not change the numbers: 41700000.00 must stay 41700000.00, not become 4.17E+7.
   */
  @Test
  void treeModelKeepsBigDecimalScale() throws Exception {
    Band band = new Band(new BigDecimal("41700000.00"), new BigDecimal("41700000.00"), 1, 1, 0, null);
    JsonNode tree = Json.MAPPER.valueToTree(band);
    assertThat(Json.MAPPER.writeValueAsString(tree)).contains("\"low\":41700000.00");
    JsonNode read = Json.MAPPER.readTree("{\"low\":41700000.00}");
    assertThat(Json.MAPPER.writeValueAsString(read)).isEqualTo("{\"low\":41700000.00}");
  }

  /** The fix proposed above, on a copy of the mapper: proves it is enough. */
  @Test
  void disablingTrailingZeroStrippingKeepsTheScaleInTheTreeModel() throws Exception {
    var fixed = Json.MAPPER.copy().configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    Band band = new Band(new BigDecimal("41700000.00"), new BigDecimal("41700000.00"), 1, 1, 0, null);
    assertThat(fixed.writeValueAsString(fixed.valueToTree(band))).contains("\"low\":41700000.00");
    assertThat(fixed.writeValueAsString(fixed.readTree("{\"low\":41700000.00}"))).isEqualTo("{\"low\":41700000.00}");
  }

  @Test
  void invalidJsonIsASerializationExceptionNamingTheTopic() {
    JsonSerde<Article> serde = JsonSerde.of(Article.class);
    for (String bad : List.of("{\"id\": \"x\", ", "not json", "[1,2,3]", "{\"fetchedAt\": \"yesterday\"}", "")) {
      assertThatThrownBy(() -> serde.deserialize("articles.raw", bad.getBytes(StandardCharsets.UTF_8)))
          .as("input %s", bad)
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("articles.raw")
          .hasMessageContaining("Article");
    }
  }

  @Test
  void aNullForAPrimitiveFieldIsRejected() throws Exception {
    ObjectNode json = (ObjectNode) Json.MAPPER.readTree(JsonSerde.of(Claim.class).serialize("claims",
        Samples.namedFled()));
    json.putNull("quoteBegin");
    byte[] bytes = Json.MAPPER.writeValueAsBytes(json);
    assertThatThrownBy(() -> JsonSerde.of(Claim.class).deserialize("claims", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("claims");
  }

  @Test
  void nullInNullOut() {
    JsonSerde<Claim> serde = JsonSerde.of(Claim.class);
    assertThat(serde.serialize("claims", null)).isNull();
    assertThat(serde.deserialize("claims", null)).isNull();
  }

  @Test
  void topicSerdesAreTheGenericSerdeOfTheirRecord() {
    assertThat(((JsonSerde<?>) Topics.ARTICLES_RAW.valueSerde()).type()).isEqualTo(Article.class);
    assertThat(((JsonSerde<?>) Topics.ARTICLES_ANNOTATED.valueSerde()).type()).isEqualTo(AnnotatedArticle.class);
    assertThat(((JsonSerde<?>) Topics.CLAIMS.valueSerde()).type()).isEqualTo(Claim.class);
    assertThat(((JsonSerde<?>) Topics.COUNTRY_TOTALS.valueSerde()).type()).isEqualTo(CountryTotals.class);
    assertThat(((JsonSerde<?>) Topics.INGEST_SEEN.valueSerde()).type()).isEqualTo(SeenArticle.class);
    assertThat(((JsonSerde<?>) Topics.INGEST_FEEDS.valueSerde()).type()).isEqualTo(FeedState.class);
  }
}
