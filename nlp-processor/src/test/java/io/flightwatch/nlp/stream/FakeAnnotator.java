package io.flightwatch.nlp.stream;

import io.flightwatch.common.AnnotatedArticle;
import io.flightwatch.common.Article;
import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.ProcessingInfo;
import io.flightwatch.common.Samples;
import io.flightwatch.common.Subject;
import io.flightwatch.nlp.ArticleAnnotator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic stand-in for the CoreNLP annotator: claims come from markers in the text, so tests control exactly
 * what an article "says".
 *
 * <ul>
 *   <li>{@code [fled CN>CA 3]}: officials_fled, origin CN, destination CA, count 3</li>
 *   <li>{@code [moved CN>US 5000000 USD]}: money_moved_abroad of 5,000,000 USD</li>
 *   <li>{@code [unkeyed CN>GB 2]}: like fled, but the claim comes back without a key</li>
 *   <li>{@code [boom]}: the annotator throws</li>
 * </ul>
 * An article without markers is off-topic (relevant = false).
 */
final class FakeAnnotator implements ArticleAnnotator {

  private static final Pattern FLED = Pattern.compile("\\[(fled|unkeyed) ([A-Z]{2})>([A-Z]{2}) (\\d+)]");
  private static final Pattern MOVED = Pattern.compile("\\[moved ([A-Z]{2})>([A-Z]{2}) (\\d+) ([A-Z]{3})]");

  /** A supplier of fakes that counts how many annotators it built (one per stream thread is expected). */
  static final class CountingSupplier implements Supplier<ArticleAnnotator> {
    final AtomicInteger built = new AtomicInteger();

    @Override
    public ArticleAnnotator get() {
      built.incrementAndGet();
      return new FakeAnnotator();
    }
  }

  @Override
  public AnnotatedArticle annotate(Article a) {
    String text = a.fullText();
    if (text.contains("[boom]")) {
      throw new IllegalStateException("fake annotator failure on " + a.id());
    }
    List<Claim> claims = new ArrayList<>();
    Matcher m = FLED.matcher(text);
    while (m.find()) {
      Samples.ClaimBuilder b = base(a, claims.size(), ClaimKind.OFFICIALS_FLED, m.group(2), m.group(3), m.group())
          .count(Long.parseLong(m.group(4)));
      claims.add(m.group(1).equals("unkeyed") ? b.build() : b.keyed());
    }
    m = MOVED.matcher(text);
    while (m.find()) {
      claims.add(base(a, claims.size(), ClaimKind.MONEY_MOVED_ABROAD, m.group(1), m.group(2), m.group())
          .amount(new BigDecimal(m.group(3)), m.group(4))
          .keyed());
    }
    boolean relevant = !claims.isEmpty();
    ProcessingInfo info = new ProcessingInfo("fake-1", relevant ? "fake" : "", relevant, text.length(),
        text.split("\\s+").length, false, List.of());
    return new AnnotatedArticle(a.id(), a.contentHash(), a.url(), a.source(), a.title(), a.publishedAt(), List.of(),
        List.of(), claims, info);
  }

  private static Samples.ClaimBuilder base(Article a, int index, ClaimKind kind, String origin, String dest,
      String quote) {
    return Samples.claim(index, kind, Subject.OFFICIALS, origin, dest)
        .article(a.id(), a.contentHash())
        .url(a.url()).source(a.source()).title(a.title()).publishedAt(a.publishedAt())
        .valueText(quote).quote(quote).confidence(0.9);
  }
}
