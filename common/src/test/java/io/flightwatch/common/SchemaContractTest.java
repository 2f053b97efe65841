package io.flightwatch.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schemas under docs/schemas are the published contract of the four public topics. This test keeps them and
 * the Java records in lock-step: same fields and types (by reflection), real serde output validates, broken documents
 * do not, and the example records in docs/topics.md are valid too.
 */
class SchemaContractTest {

  static final String BASE = "https://flightwatch.example/schemas/";
  static final Path DOCS = locateDocs();
  static final Path SCHEMAS = DOCS.resolve("schemas");

  /**
   * Maps the schemas' $id prefix to the folder, so "claims.schema.json" referenced from the annotated schema resolves.
   */
  static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
      b -> b.schemaMappers(m -> m.mapPrefix(BASE, SCHEMAS.toUri().toString())));

  /** Draft 2020-12 treats "format" as an annotation by default; assert it, so an epoch-number Instant would fail. */
  static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  static final List<TopicSpec<String, ?>> PUBLIC_TOPICS =
      List.of(Topics.ARTICLES_RAW, Topics.ARTICLES_ANNOTATED, Topics.CLAIMS, Topics.COUNTRY_TOTALS,
          Topics.COUNTRY_YEARS,
          Topics.CASES);

  static Stream<TopicSpec<String, ?>> publicTopics() {
    return PUBLIC_TOPICS.stream();
  }

  /** Realistic records per topic, including the edge shapes: nulls, empty lists, retractions, the ZZ bucket. */
  static Stream<Arguments> examples() {
    Claim vague = Samples.claim(3, ClaimKind.MONEY_MOVED_ABROAD, null, "CN", null)
        .amountRange(new BigDecimal("10000000000"), new BigDecimal("99000000000")).currency("CNY")
        .usd(new BigDecimal("7500000000.00"), new BigDecimal("1390000000.00"), new BigDecimal("13760000000.00"))
        .usdRateSource("ecb-2024-03-01").valueText("tens of billions of yuan").approximate(true)
        .destinationsMentioned(List.of("US", "CA", "AU")).overlapsWith(1).quote("").confidence(0.4).keyed();
    Claim noPublication = Samples.claim(4, ClaimKind.OFFICIALS_FLED, Subject.FAMILY, null, "AU").count(null)
        .valueText("several relatives").url(null).source(null).title(null).publishedAt(null).keyed();
    AnnotatedArticle skipped = new AnnotatedArticle("77aa01", "hash-2", null, "samples/", null, null, List.of(),
        List.of(), List.of(), new ProcessingInfo("rules-1.0", "", false, 1200, 0, true,
            List.of("body truncated from 10485760 to 200000 chars")));
    CountryTotals unspecified = new CountryTotals(Countries.UNSPECIFIED, Countries.name(Countries.UNSPECIFIED),
        RoleTotals.EMPTY.with(ClaimKind.MONEY_MOVED_ABROAD,
            new Band(new BigDecimal("41700000.00"), new BigDecimal("41700000.00"), 1, 1, 0, null)),
        RoleTotals.EMPTY, 1, Instant.parse("2024-03-12T08:30:00.123456Z"));
    return Stream.of(
        Arguments.of(Topics.ARTICLES_RAW, Samples.article()),
        Arguments.of(Topics.ARTICLES_RAW, Samples.articleWithoutUrl()),
        Arguments.of(Topics.ARTICLES_ANNOTATED, Samples.annotated()),
        Arguments.of(Topics.ARTICLES_ANNOTATED, skipped),
        Arguments.of(Topics.CLAIMS, Samples.namedFled()),
        Arguments.of(Topics.CLAIMS, Samples.moneyMoved()),
        Arguments.of(Topics.CLAIMS, Samples.returnedSince2015()),
        Arguments.of(Topics.CLAIMS, Samples.moneyMoved().asRetraction()),
        Arguments.of(Topics.CLAIMS, vague),
        Arguments.of(Topics.CLAIMS, noPublication),
        Arguments.of(Topics.COUNTRY_TOTALS, Samples.canadaTotals()),
        Arguments.of(Topics.COUNTRY_TOTALS, Samples.chinaTotals()),
        Arguments.of(Topics.COUNTRY_TOTALS, unspecified),
        Arguments.of(Topics.COUNTRY_YEARS, new CountryYear("CA", Countries.name("CA"), "2024",
            Samples.canadaTotals().asDestination(), RoleTotals.EMPTY)),
        Arguments.of(Topics.COUNTRY_YEARS, new CountryYear("ZZ", Countries.name("ZZ"), "undated", RoleTotals.EMPTY,
            RoleTotals.EMPTY)),
        Arguments.of(Topics.CASES, Samples.zhaoCase()),
        Arguments.of(Topics.CASES, new Case("ZZ:oduya", "Oduya", List.of("oduya"), "ZZ", List.of(), "at_large", null,
            List.of(), List.of(new Case.Event(null, "fled", "ZZ", null, true, null,
                "officials_fled|person|oduya|-", 1, null, null)), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, 0, null)));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // (a) schema and record have the same fields, recursively, with matching JSON types

  @ParameterizedTest(name = "{0}")
  @MethodSource("publicTopics")
  void schemaPropertiesAreExactlyTheRecordComponents(TopicSpec<String, ?> spec) throws IOException {
    Class<?> type = valueType(spec);
    String file = schemaFile(spec);
    compareRecord(type, new Located(file, readSchema(file)), spec.name());
  }

  @Test
  void everySchemaFileBelongsToAPublicTopic() throws IOException {
    Set<String> expected = PUBLIC_TOPICS.stream().map(SchemaContractTest::schemaFile).collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(SCHEMAS)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publicTopics")
  void schemaDeclaresItsIdAndDraft(TopicSpec<String, ?> spec) throws IOException {
    JsonNode schema = readSchema(schemaFile(spec));
    assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.path("$id").asText()).isEqualTo(BASE + schemaFile(spec));
  }

  /** The check itself must catch drift: a schema missing a component, or with an extra property, is reported. */
  @Test
  void driftCheckRejectsAMissingAndAnExtraProperty() throws IOException {
    ObjectNode schema = (ObjectNode) readSchema(schemaFile(Topics.ARTICLES_RAW));
    ObjectNode renamed = schema.deepCopy();
    ObjectNode props = (ObjectNode) renamed.get("properties");
    props.set("contentHashes", props.remove("contentHash"));
    AssertionError missing = catchAssertion(() -> compareRecord(Article.class, new Located("x", renamed), "x"));
    assertThat(missing).hasMessageContaining("contentHash");

    ObjectNode mistyped = schema.deepCopy();
    ((ObjectNode) mistyped.get("properties").get("fetchedAt")).put("type", "integer");
    AssertionError wrongType = catchAssertion(() -> compareRecord(Article.class, new Located("x", mistyped), "x"));
    assertThat(wrongType).hasMessageContaining("fetchedAt");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // (b) what the topic's serde writes validates

  @ParameterizedTest(name = "{0}: {index}")
  @MethodSource("examples")
  void serdeOutputValidates(TopicSpec<String, Object> spec, Object example) throws IOException {
    byte[] bytes = spec.valueSerde().serializer().serialize(spec.name(), example);
    Set<ValidationMessage> errors = schema(spec).validate(new String(bytes, StandardCharsets.UTF_8), InputFormat.JSON);
    assertThat(errors).as("%s written by the serde of %s", example, spec.name()).isEmpty();
    assertThat(spec.valueSerde().deserializer().deserialize(spec.name(), bytes)).isEqualTo(example);
  }

  /** The example records shown in docs/topics.md are valid and readable by the serde, so the doc cannot go stale. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("publicTopics")
  void documentedExamplesValidate(TopicSpec<String, ?> spec) throws IOException {
    List<String> blocks = documentedExamples().getOrDefault(spec.name(), List.of());
    assertThat(blocks).as("docs/topics.md has an example for %s", spec.name()).isNotEmpty();
    JsonSchema schema = schema(spec);
    for (String json : blocks) {
      assertThat(schema.validate(json, InputFormat.JSON)).as("documented example of %s:%n%s", spec.name(), json)
          .isEmpty();
      Object read = spec.valueSerde().deserializer().deserialize(spec.name(), json.getBytes(StandardCharsets.UTF_8));
      assertThat(read).isInstanceOf(valueType(spec));
      // and nothing in the example is silently dropped: writing it back gives the same document
      JsonNode rewritten = Json.MAPPER.readTree(serialize(spec, read));
      assertThat(rewritten).isEqualTo(Json.MAPPER.readTree(json));
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // (c) invalid documents are rejected

  @ParameterizedTest(name = "{0}")
  @MethodSource("publicTopics")
  void missingRenamedOrMistypedFieldsAreRejected(TopicSpec<String, ?> spec) throws IOException {
    Object example = examples().filter(a -> a.get()[0] == spec).findFirst().orElseThrow().get()[1];
    ObjectNode valid = (ObjectNode) Json.MAPPER.readTree(serialize(spec, example));
    JsonSchema schema = schema(spec);
    assertThat(schema.validate(valid)).isEmpty();

    String first = valid.fieldNames().next();
    assertRejected(schema, valid, d -> d.remove(first), "required property '" + first + "'");
    assertRejected(schema, valid, d -> d.set(first + "Renamed", d.remove(first)), first + "Renamed");
    assertRejected(schema, valid, d -> d.put("unexpected", true), "unexpected");
    assertRejected(schema, valid, d -> d.put(first, 42), "integer found, string expected");
    assertRejected(schema, valid, d -> d.putNull(first), "null found");
  }

  @Test
  void claimSpecificViolationsAreRejected() throws IOException {
    ObjectNode claim = (ObjectNode) Json.MAPPER.readTree(serialize(Topics.CLAIMS, Samples.moneyMoved()));
    JsonSchema schema = schema(Topics.CLAIMS);
    assertRejected(schema, claim, d -> d.put("kind", "MONEY_MOVED_ABROAD"), "kind");
    assertRejected(schema, claim, d -> d.put("kind", "money_laundered"), "kind");
    assertRejected(schema, claim, d -> d.put("origin", "CHN"), "origin");
    assertRejected(schema, claim, d -> d.put("currency", "yuan"), "currency");
    assertRejected(schema, claim, d -> d.put("amountUsd", "41700000.00"), "amountUsd");
    assertRejected(schema, claim, d -> d.put("publishedAt", 1710232200000L), "publishedAt");
    assertRejected(schema, claim, d -> d.put("publishedAt", "12 March 2024"), "publishedAt");
    assertRejected(schema, claim, d -> d.put("confidence", 1.5), "confidence");
    assertRejected(schema, claim, d -> d.put("retracted", "false"), "retracted");
    assertRejected(schema, claim, d -> d.putArray("destinationsMentioned").add("us"), "destinationsMentioned");
    assertRejected(schema, claim, d -> d.putNull("destinationsMentioned"), "destinationsMentioned");
  }

  @Test
  void nestedViolationsAreRejected() throws IOException {
    ObjectNode annotated = (ObjectNode) Json.MAPPER.readTree(serialize(Topics.ARTICLES_ANNOTATED, Samples.annotated()));
    JsonSchema annotatedSchema = schema(Topics.ARTICLES_ANNOTATED);
    // a claim inside the annotated article is checked against claims.schema.json
    assertRejected(annotatedSchema, annotated, d -> ((ObjectNode) d.get("claims").get(0)).remove("key"), "key");
    assertRejected(annotatedSchema, annotated, d -> ((ObjectNode) d.get("entities").get(1)).put("begin", -1), "begin");
    assertRejected(annotatedSchema, annotated, d -> ((ObjectNode) d.get("processing")).remove("warnings"), "warnings");

    ObjectNode totals = (ObjectNode) Json.MAPPER.readTree(serialize(Topics.COUNTRY_TOTALS, Samples.chinaTotals()));
    JsonSchema totalsSchema = schema(Topics.COUNTRY_TOTALS);
    assertRejected(totalsSchema, totals,
        d -> ((ObjectNode) d.get("asOrigin").get("moneyMovedUsd")).put("low", "41.7M"), "low");
    assertRejected(totalsSchema, totals, d -> ((ObjectNode) d.get("asOrigin")).remove("officialsFled"),
        "officialsFled");
    assertRejected(totalsSchema, totals, d -> d.put("country", "China"), "country");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // helpers

  /** A schema node together with the file it lives in, so "#/$defs/..." references resolve in the right document. */
  record Located(String file, JsonNode node) {}

  static void compareRecord(Class<?> type, Located at, String path) {
    assertThat(type.isRecord()).as("%s is a record", path).isTrue();
    Located obj = resolve(at);
    JsonNode node = obj.node();
    assertThat(types(node)).as("%s: type", path).containsExactly("object");
    assertThat(node.path("additionalProperties").isBoolean() && !node.path("additionalProperties").asBoolean())
        .as("%s: additionalProperties is false", path).isTrue();

    List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    List<String> properties = new ArrayList<>();
    node.path("properties").fieldNames().forEachRemaining(properties::add);
    List<String> required = new ArrayList<>();
    node.path("required").forEach(r -> required.add(r.asText()));
    assertThat(properties).as("%s: schema properties vs components of %s", path, type.getSimpleName())
        .containsExactlyInAnyOrderElementsOf(components);
    assertThat(required).as("%s: every component is required (the mapper writes nulls)", path)
        .containsExactlyElementsOf(components);

    for (RecordComponent c : type.getRecordComponents()) {
      compareType(c.getGenericType(), new Located(obj.file(), node.path("properties").path(c.getName())),
          path + "." + c.getName());
    }
  }

  static void compareType(Type type, Located at, String path) {
    Located resolved = resolve(at);
    JsonNode node = resolved.node();
    Set<String> types = new LinkedHashSet<>(types(node));
    boolean nullable = types.remove("null");
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      assertThat(nullable).as("%s: lists are never null (records normalise null to empty)", path).isFalse();
      assertThat(types).as("%s: type", path).containsExactly("array");
      compareType(p.getActualTypeArguments()[0], new Located(resolved.file(), node.path("items")), path + "[]");
      return;
    }
    if (!(type instanceof Class<?> c)) {
      fail("%s: no JSON mapping for %s", path, type);
      return;
    }
    if (c.isPrimitive()) {
      assertThat(nullable).as("%s: primitive %s is never null", path, c).isFalse();
    }
    if (c.isRecord()) {
      assertThat(nullable).as("%s: nested records are always present", path).isFalse();
      compareRecord(c, resolved, path);
    } else if (c.isEnum()) {
      assertThat(types).as("%s: type", path).containsExactly("string");
      Set<Object> wire = new HashSet<>();
      for (Object constant : c.getEnumConstants()) {
        wire.add(Json.MAPPER.valueToTree(constant).asText());
      }
      if (nullable) {
        wire.add(null);
      }
      Set<Object> allowed = new HashSet<>();
      node.path("enum").forEach(e -> allowed.add(e.isNull() ? null : e.asText()));
      assertThat(allowed).as("%s: enum values are the wire names", path).isEqualTo(wire);
    } else if (c == Instant.class) {
      assertThat(types).as("%s: type", path).containsExactly("string");
      assertThat(node.path("format").asText()).as("%s: format", path).isEqualTo("date-time");
    } else if (c == java.time.LocalDate.class) {
      assertThat(types).as("%s: type", path).containsExactly("string");
      assertThat(node.path("format").asText()).as("%s: format", path).isEqualTo("date");
    } else {
      assertThat(types).as("%s: JSON type of %s", path, c.getSimpleName()).containsExactly(jsonType(c, path));
    }
  }

  private static String jsonType(Class<?> c, String path) {
    if (c == String.class) {
      return "string";
    }
    if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
      return "integer";
    }
    if (c == double.class || c == Double.class || c == BigDecimal.class) {
      return "number";
    }
    if (c == boolean.class || c == Boolean.class) {
      return "boolean";
    }
    throw new AssertionError(path + ": no JSON mapping for " + c);
  }

  private static List<String> types(JsonNode node) {
    JsonNode t = node.path("type");
    if (t.isTextual()) {
      return List.of(t.asText());
    }
    List<String> out = new ArrayList<>();
    t.forEach(x -> out.add(x.asText()));
    return out;
  }

  /** Follows "$ref" within a file ("#/$defs/x") or to a sibling schema file ("claims.schema.json"). */
  static Located resolve(Located at) {
    Located cur = at;
    for (int hops = 0; cur.node().has("$ref"); hops++) {
      assertThat(hops).as("reference loop at %s", cur.file()).isLessThan(10);
      String ref = cur.node().get("$ref").asText();
      int hash = ref.indexOf('#');
      String file = hash == 0 ? cur.file() : (hash < 0 ? ref : ref.substring(0, hash));
      String pointer = hash < 0 ? "" : ref.substring(hash + 1);
      try {
        JsonNode doc = readSchema(file);
        JsonNode target = pointer.isEmpty() ? doc : doc.at(pointer);
        assertThat(target.isMissingNode()).as("unresolved $ref %s in %s", ref, cur.file()).isFalse();
        cur = new Located(file, target);
      } catch (IOException e) {
        throw new AssertionError("cannot read " + file, e);
      }
    }
    return cur;
  }

  private static void assertRejected(JsonSchema schema, ObjectNode valid, Consumer<ObjectNode> breakIt, String expect) {
    ObjectNode broken = valid.deepCopy();
    breakIt.accept(broken);
    Set<ValidationMessage> errors = schema.validate(broken);
    assertThat(errors).as("errors for a document broken at '%s'", expect).isNotEmpty();
    assertThat(errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("\n")))
        .contains(expect);
  }

  private static AssertionError catchAssertion(Runnable r) {
    try {
      r.run();
    } catch (AssertionError e) {
      return e;
    }
    throw new AssertionError("the drift check accepted a drifted schema");
  }

  static Class<?> valueType(TopicSpec<String, ?> spec) {
    return ((JsonSerde<?>) spec.valueSerde()).type();
  }

  static String schemaFile(TopicSpec<String, ?> spec) {
    return spec.name() + ".schema.json";
  }

  static JsonNode readSchema(String file) throws IOException {
    return Json.MAPPER.readTree(SCHEMAS.resolve(file).toFile());
  }

  static JsonSchema schema(TopicSpec<String, ?> spec) {
    return FACTORY.getSchema(com.networknt.schema.SchemaLocation.of(BASE + schemaFile(spec)), CONFIG);
  }

  @SuppressWarnings("unchecked")
  static byte[] serialize(TopicSpec<String, ?> spec, Object value) {
    return ((TopicSpec<String, Object>) spec).valueSerde().serializer().serialize(spec.name(), value);
  }

  /**
   * The ```json blocks of docs/topics.md that directly follow a line {@code <!-- example: TOPIC -->}, by topic.
   */
  static Map<String, List<String>> documentedExamples() throws IOException {
    String md = Files.readString(DOCS.resolve("topics.md"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<!-- example: ([a-z.\\-]+) -->\\s*```json\\n(.*?)\\n```", Pattern.DOTALL).matcher(md);
    Map<String, List<String>> out = new java.util.TreeMap<>();
    while (m.find()) {
      out.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
    }
    return out;
  }

  private static Path locateDocs() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("docs").resolve("schemas"))) {
        return p.resolve("docs");
      }
    }
    throw new IllegalStateException("docs/schemas not found above " + Path.of("").toAbsolutePath());
  }
}
