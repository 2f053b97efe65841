package io.flightwatch.ingest;

import io.flightwatch.ingest.source.Source;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The producer's Kafka transactional id. Given ({@code ingest.transactional.id}), it is used as is; {@code auto} (the
 * default) derives it from what the producer reads, so a restarted producer of the same folders and feeds fences its
 * crashed predecessor (and aborts what it left open) while a producer of other sources never fences it:
 *
 * <pre>
 *   produce --feed https://a.example/rss          flightwatch-ingest-3f9c0a51d2e7
 *   produce --input samples/                      flightwatch-ingest-81d4...  (absolute path)
 *   produce --stdin                               flightwatch-ingest-stdin-&lt;random&gt;  (nothing to resume)
 * </pre>
 */
public final class ProducerIdentity {

  public static final String AUTO = "auto";
  static final String PREFIX = "flightwatch-ingest-";

  private ProducerIdentity() {}

  public static String of(String configured, List<Source> sources) {
    if (!AUTO.equals(configured)) {
      return configured;
    }
    List<String> names = sources.stream().map(Source::name).filter(n -> !n.equals("stdin"))
        .map(n -> n.contains("://") ? n : Path.of(n).toAbsolutePath().normalize().toString()).sorted().toList();
    if (names.isEmpty()) {
      return PREFIX + "stdin-" + UUID.randomUUID().toString().substring(0, 8);
    }
    return PREFIX + sha256(String.join("\n", names)).substring(0, 12);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
