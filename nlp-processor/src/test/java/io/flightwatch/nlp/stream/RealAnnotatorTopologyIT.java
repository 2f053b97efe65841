package io.flightwatch.nlp.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.common.AnnotatedArticle;
import io.flightwatch.common.Article;
import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKeys;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Topics;
import io.flightwatch.nlp.extract.AnnotatorFactory;
import io.flightwatch.nlp.extract.ExtractorSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The topology with the real CoreNLP annotator (one model load): an on-topic article yields keyed claims, an off-topic
 * one is gated, and a new version of the article retracts what the first version claimed.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class RealAnnotatorTopologyIT {

  @TempDir
  Path stateDir;

  private static Article article(String id, String title, String body, String version) {
    return new Article(id, "https://example.test/" + id, "it", title, body, "en", Instant.parse("2025-04-02T09:00:00Z"),
        Instant.parse("2025-04-02T09:10:00Z"), version);
  }

  @Test
  void realAnnotatorThroughTheTopology() {
    AnnotatorFactory factory = AnnotatorFactory.create(ExtractorSettings.defaults());
    ProcessorMetrics metrics = ProcessorMetrics.unregistered();
    Properties props = ProcessorTopologyTest.props(stateDir, metrics);
    try (TopologyTestDriver driver = new TopologyTestDriver(
        ProcessorTopology.build(new ProcessorTopology.Options(metrics), factory::newAnnotator), props)) {
      TestInputTopic<byte[], byte[]> raw =
          driver.createInputTopic(Topics.ARTICLES_RAW.name(), new ByteArraySerializer(), new ByteArraySerializer());
      TestOutputTopic<String, AnnotatedArticle> annotated = driver.createOutputTopic(Topics.ARTICLES_ANNOTATED.name(),
          Topics.ARTICLES_ANNOTATED.keySerde().deserializer(), Topics.ARTICLES_ANNOTATED.valueSerde().deserializer());
      TestOutputTopic<String, Claim> claims = driver.createOutputTopic(Topics.CLAIMS.name(),
          Topics.CLAIMS.keySerde().deserializer(), Topics.CLAIMS.valueSerde().deserializer());

      // Sentences written for this test.
      Article v1 = article("real-1", "Deputy mayor flees to Canada",
          "Wang Lihua, a former deputy mayor of a northern Chinese city, fled to Canada in 2021 after investigators "
              + "accused him of taking bribes, prosecutors said on Monday.", "r1");
      raw.pipeInput(v1.id().getBytes(StandardCharsets.UTF_8), json(v1));
      AnnotatedArticle out = annotated.readValue();
      assertThat(out.processing().relevant()).isTrue();
      assertThat(out.processing().pipeline()).isNotBlank();
      List<Claim> first = claims.readValuesToList();
      assertThat(first).isNotEmpty();
      assertThat(first).extracting(Claim::kind).contains(ClaimKind.OFFICIALS_FLED);
      for (Claim c : first) {
        assertThat(c.key()).isEqualTo(ClaimKeys.canonical(c));
        assertThat(c.articleId()).isEqualTo("real-1");
      }

      Article offTopic = article("real-2", "Harbour festival", "Thousands watched the boats at the harbour festival "
          + "on Saturday, and the weather stayed dry all day.", "r1");
      raw.pipeInput(offTopic.id().getBytes(StandardCharsets.UTF_8), json(offTopic));
      assertThat(annotated.readValue().processing().relevant()).isFalse();
      assertThat(claims.isEmpty()).isTrue();

      Article v2 = article("real-1", "Deputy mayor's case", "Prosecutors said on Monday that the case of a former "
          + "deputy mayor would go to court next month.", "r2");
      raw.pipeInput(v2.id().getBytes(StandardCharsets.UTF_8), json(v2));
      List<Claim> second = claims.readValuesToList();
      assertThat(second.subList(0, first.size())).allMatch(Claim::retracted)
          .extracting(Claim::key).containsExactlyElementsOf(first.stream().map(Claim::key).toList());
      assertThat(metrics.retractionsCount()).isEqualTo(first.size());
    }
  }

  private static byte[] json(Article a) {
    return Topics.ARTICLES_RAW.valueSerde().serializer().serialize(Topics.ARTICLES_RAW.name(), a);
  }
}
