package io.flightwatch.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.LocalKafka;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feed producer stopped with SIGTERM (a service manager, {@code docker stop}) says what it did, as Ctrl-C does: it
 * commits, closes and prints its summary line.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class SignalsIT {

  @TempDir
  Path dir;

  private static final String RSS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
        <title>Test desk</title><link>https://desk.example/</link><description>ours</description>
        <item><title>Port official leaves</title><link>https://desk.example/a/1</link>
          <pubDate>Tue, 04 Jun 2024 08:30:00 GMT</pubDate>
          <content:encoded><![CDATA[<p>A former port official left the country for Portugal on Monday,
          investigators said. Our own test sentence, written for this test.</p>]]></content:encoded></item>
      </channel></rss>
      """;

  @Test
  void sigtermToAFeedProducerPrintsItsSummary() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/rss", ex -> {
      byte[] body = RSS.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try (LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"), 0)) {
      kafka.createTopics(Topics.ALL);
      String feed = "http://127.0.0.1:" + server.getAddress().getPort() + "/rss";
      Child producer = Child.produce("producer", dir, List.of("--bootstrap-servers", kafka.bootstrapServers(),
          "--feed", feed));
      try (producer) {
        producer.launch().awaitRunning();
        await().atMost(Duration.ofMinutes(2)).until(() -> Files.readString(producer.log()).contains("Polled " + feed));
        producer.stop(); // SIGTERM
        assertThat(producer.exitCode()).isNotNull();
        // the summary line, printed by whichever of the main thread and the shutdown hook gets there first
        String log = Files.readString(producer.log());
        assertThat(log.substring(log.indexOf("Polled " + feed))).contains("published=1 updated=0 duplicates=0");
      }
    } finally {
      server.stop(0);
    }
  }
}
