package io.flightwatch.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Samples;
import io.flightwatch.common.Settings;
import io.flightwatch.common.Subject;
import io.flightwatch.common.kafka.LocalKafka;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The page of an aggregator that goes away and comes back, in real headless Chromium: the badge stops saying "live"
 * while nobody answers, and the page catches up by itself (no reload) once the aggregator is back, with what was
 * published meanwhile.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class DashboardReconnectIT {

  @TempDir
  Path dir;

  private static Claim fled(String article, String destination, long count) {
    return Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "VE", destination)
        .article(article, article + "-v1").count(count).valueText(count + " officials")
        .quote("Our test sentence about " + count + " officials.").url("https://news.example.org/re/" + article)
        .title("Test article " + article).publishedAt(Instant.parse("2024-07-09T12:00:00Z")).keyed();
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void theBadgeSaysReconnectingWhileTheAggregatorIsDownAndThePageCatchesUpWithoutAReload() throws Exception {
    HeadlessChromium.assumeInstalled();
    try (LocalKafka kafka = TestCluster.broker(dir);
        HeadlessChromium chromium = HeadlessChromium.open(dir.resolve("chromium-profile"))) {
      Settings settings = TestCluster.settings(kafka, "reconnect-it", dir.resolve("state"), 100, freePort());
      String page;
      try (AggregatorApp app = new AggregatorApp(settings).start()) {
        await().atMost(Duration.ofSeconds(90)).until(() -> app.state() == KafkaStreams.State.RUNNING);
        TestCluster.publish(kafka, List.of(fled("re-1", "ES", 4)));
        page = app.url();
        chromium.browser.get(page);
        await().atMost(Duration.ofSeconds(30)).until(() -> "live".equals(chromium.text("#status"))
            && "4".equals(chromium.text("#row-ES td.officials_fled")));
        ((JavascriptExecutor) chromium.browser).executeScript("window.__noReload = 'kept';");
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> chromium.text("#status").startsWith("reconnecting"));

      TestCluster.publish(kafka, List.of(fled("re-2", "PA", 9)));
      try (AggregatorApp app = new AggregatorApp(settings).start()) {
        assertThat(app.url()).isEqualTo(page);
        await().atMost(Duration.ofMinutes(2)).until(() -> "9".equals(chromium.text("#row-PA td.officials_fled"))
            && "live".equals(chromium.text("#status")));
        assertThat(chromium.text("#row-ES td.officials_fled")).isEqualTo("4");
        assertThat(((JavascriptExecutor) chromium.browser).executeScript("return window.__noReload;"))
            .isEqualTo("kept");
      }
    }
  }
}
