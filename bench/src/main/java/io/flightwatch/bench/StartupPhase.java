package io.flightwatch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Start-up: an {@code up} JVM (empty data folder, ten corpus articles, free ports) from process start until
 * {@code GET /api/countries} lists a first country; then SIGTERM and its memory. What a user waits for on first run.
 */
public final class StartupPhase {

  /**
   * @param articles     articles given to {@code up}
   * @param heap         its -Xmx
   * @param firstTotalMs process start to the first country total, ms; -1 when none came within 3 minutes
   * @param memory       the {@code up} JVM's memory
   */
  public record Result(int articles, String heap, long firstTotalMs, ServiceMemory memory) {}

  private final String mainClass;
  private final Path work;
  private final String heap;

  public StartupPhase(String mainClass, Path work, String heap) {
    this.mainClass = mainClass;
    this.work = work;
    this.heap = heap;
  }

  @SuppressWarnings("try") // the `up` JVM is closed early, in its try block, to read its GC log
  public Result run(List<CorpusItem> corpus) throws IOException, InterruptedException {
    Path in = work.resolve("up-input");
    Files.createDirectories(in);
    int written = 0;
    for (CorpusItem it : corpus) {
      if (written < 10 && (it.trackedDestination != null || written >= 2)) {
        Files.writeString(in.resolve(it.article.id() + ".txt"), it.article.title() + "\n" + it.article.body(),
            StandardCharsets.UTF_8);
        written++;
      }
    }
    int http = KafkaPhase.freePort();
    int brokerPort = KafkaPhase.freePort();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/api/countries"))
        .timeout(Duration.ofSeconds(2)).GET().build();
    try (ChildJvm up = ChildJvm.start(mainClass, "up", work, List.of("-Xms512m", "-Xmx" + heap, "-XX:+UseG1GC"),
        List.of("up", "--data-dir", work.resolve("up-data").toString(), "--input", in.toString(),
            "--http-port", String.valueOf(http), "--broker-port", String.valueOf(brokerPort)))) {
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      long firstTotal = -1;
      while (System.nanoTime() < deadline && firstTotal < 0) {
        try {
          HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200 && r.body().contains("\"country\"")) {
            firstTotal = System.nanoTime() - up.startNanos();
          }
        } catch (IOException e) {
          // not listening yet: poll again
        }
        if (firstTotal < 0) {
          Thread.sleep(100);
        }
      }
      return new Result(written, heap, firstTotal < 0 ? -1 : firstTotal / 1_000_000,
          ServiceMemory.of("`up` JVM memory", up, false));
    }
  }
}
