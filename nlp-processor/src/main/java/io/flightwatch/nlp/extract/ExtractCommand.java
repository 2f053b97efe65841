package io.flightwatch.nlp.extract;

import io.flightwatch.common.AnnotatedArticle;
import io.flightwatch.common.Article;
import io.flightwatch.common.Claim;
import io.flightwatch.common.Json;
import io.flightwatch.common.PublicationDates;
import io.flightwatch.nlp.ArticleAnnotator;
import io.flightwatch.nlp.extract.ExtractorSettings.NerProfile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code extract --input DIR --output FILE.jsonl}: runs the same annotator as the stream processor over every {@code
 * *.txt} of a folder (first line = title, also part of the text; article id = file name without {@code .txt}) and
 * writes one claim per line in the evaluation format of {@code ../shared/eval/README.md}, plus {@code "article"}.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = "Extract claims from a folder of .txt articles into JSON lines (evaluation format).")
public final class ExtractCommand implements Callable<Integer> {

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "DIR", description = "folder of *.txt articles")
  Path input;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "JSON lines file to write")
  Path output;

  @Option(names = "--ner-profile", paramLabel = "lean|default", defaultValue = "lean",
      description = "NER configuration (default: ${DEFAULT-VALUE})")
  String nerProfile;

  @Option(names = "--max-chars", paramLabel = "N", defaultValue = "" + ExtractorSettings.DEFAULT_MAX_CHARS,
      description = "annotate at most N characters per article (default: ${DEFAULT-VALUE})")
  int maxChars;

  @Option(names = "--manifest", paramLabel = "TSV",
      description = "tab-separated file with a header naming at least the columns id and url (e.g. ../shared/eval/dev/"
          + "manifest.tsv): each article's URL, so its date can be read from the URL path as it would be from a feed")
  Path manifest;

  @Option(names = "--no-gate", description = "annotate every article, even those the relevance gate would skip")
  boolean noGate;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ExtractCommand()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(input)) {
      err.println("not a folder: " + input);
      return 2;
    }
    NerProfile profile;
    try {
      profile = NerProfile.parse(nerProfile);
    } catch (IllegalArgumentException e) {
      err.println("--ner-profile must be lean or default, not '" + nerProfile + "'");
      return 2;
    }
    Map<String, String> urls = manifest == null ? Map.of() : urls(manifest);
    List<Path> files;
    try (Stream<Path> s = Files.list(input)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
    }
    long t0 = System.nanoTime();
    AnnotatorFactory factory = AnnotatorFactory.create(
        new ExtractorSettings(profile, maxChars, !noGate));
    long loaded = System.nanoTime();
    ArticleAnnotator annotator = factory.newAnnotator();
    int claims = 0;
    int failed = 0;
    long tokens = 0;
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      for (Path f : files) {
        Article a = read(f, urls);
        AnnotatedArticle r;
        try {
          r = annotator.annotate(a);
        } catch (RuntimeException e) {
          // one article the extractor cannot read is reported and skipped; the others are still written
          err.println(a.id() + ": skipped, the extractor failed: " + e);
          failed++;
          continue;
        }
        tokens += r.processing().tokens();
        for (String warning : r.processing().warnings()) {
          err.println(a.id() + ": " + warning);
        }
        for (Claim c : r.claims()) {
          w.write(Json.MAPPER.writeValueAsString(evalLine(c)));
          w.newLine();
          claims++;
        }
      }
    }
    long done = System.nanoTime();
    double seconds = (done - loaded) / 1e9;
    out.printf("extract: %d articles, %d claims, %d tokens in %.1f s (%.0f tokens/s; models loaded in %.1f s; %s) -> "
        + "%s%n",
        files.size(), claims, tokens, seconds, seconds > 0 ? tokens / seconds : 0, (loaded - t0) / 1e9,
        factory.pipelineDescription(), output);
    if (failed > 0) {
      err.printf("extract: %d of %d articles failed and were skipped%n", failed, files.size());
      return 1;
    }
    return 0;
  }

  public static Article read(Path f) throws IOException {
    return read(f, Map.of());
  }

  /**
   * One {@code .txt} file as an article: title on the first line; its URL from {@code urls} (by file name without
   * {@code .txt}); its date from the URL path, else the dateline ({@link PublicationDates}), as the producer would.
   */
  /** The " date 2013-11-12" a stored copy may put before its first line. */
  private static final java.util.regex.Pattern DATE_PREFIX = java.util.regex.Pattern.compile(
      "^\\s*date \\d{4}-\\d{2}-\\d{2}\\s*");

  public static Article read(Path f, Map<String, String> urls) throws IOException {
    String raw = Files.readString(f, StandardCharsets.UTF_8);
    String name = String.valueOf(f.getFileName());
    String id = name.substring(0, name.length() - ".txt".length());
    int nl = raw.indexOf('\n');
    String title = nl < 0 ? raw : raw.substring(0, nl);
    String body = nl < 0 ? "" : raw.substring(nl + 1).replaceFirst("^\\s+", "");
    if (!body.isEmpty() && Character.isLowerCase(body.charAt(0))) {
      // "DUBAI Nov 12 Three Eritrean military officers\nhave asked for political asylum": hard-wrapped copy whose
      // first line is no headline but the start of the first sentence, which the body must keep whole
      body = DATE_PREFIX.matcher(title).replaceFirst("").strip() + " " + body;
    }
    Instant now = Instant.now();
    String url = urls.get(id);
    PublicationDates.Found date = PublicationDates.resolve(null, null, url, title + "\n" + body,
        LocalDate.ofInstant(now, ZoneOffset.UTC));
    // the stored copy's date line gave the date; left in, it would stand before a lede's dateline ("date 2019-03-04
    // QUITO (AP) - A former prefect ...") and hide it
    String shown = DATE_PREFIX.matcher(title).replaceFirst("").strip();
    return new Article(id, url, f.toString(), shown, body, "en", date.at(), now, sha256(raw), date.source());
  }

  /** id -> url from a tab-separated file with a header row naming the columns "id" and "url". */
  static Map<String, String> urls(Path tsv) throws IOException {
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return Map.of();
    }
    List<String> header = List.of(lines.get(0).split("\t", -1));
    int id = header.indexOf("id");
    int url = header.indexOf("url");
    if (id < 0 || url < 0) {
      throw new IllegalArgumentException(tsv + ": the header names no 'id' and 'url' columns");
    }
    Map<String, String> out = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      if (f.length > Math.max(id, url) && !f[url].isBlank()) {
        out.put(f[id].strip(), f[url].strip());
      }
    }
    return out;
  }

  /** The evaluation format: snake_case fields of ../shared/eval/README.md plus the article id. */
  public static Map<String, Object> evalLine(Claim c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("article", c.articleId());
    m.put("kind", c.kind().wireName());
    m.put("origin", c.origin());
    m.put("destination", c.destination());
    m.put("count", c.count());
    m.put("amount", c.amount());
    m.put("currency", c.currency());
    m.put("amount_usd", c.amountUsd());
    m.put("amount_text", c.kind().isMoney() ? c.valueText() : null);
    m.put("approximate", c.approximate());
    m.put("named_person", c.namedPerson());
    m.put("subject", c.subject().wireName());
    m.put("hedged", c.hedged());
    m.put("destinations_mentioned", c.destinationsMentioned());
    m.put("overlaps_with", c.overlapsWith());
    m.put("period", c.period());
    m.put("confidence", c.confidence());
    m.put("quote", c.quote());
    return m;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
