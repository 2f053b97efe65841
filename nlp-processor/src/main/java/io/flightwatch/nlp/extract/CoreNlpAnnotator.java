package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import io.flightwatch.common.AnnotatedArticle;
import io.flightwatch.common.Article;
import io.flightwatch.common.Claim;
import io.flightwatch.common.EntityMention;
import io.flightwatch.common.MoneyMention;
import io.flightwatch.common.ProcessingInfo;
import io.flightwatch.nlp.ArticleAnnotator;
import io.flightwatch.nlp.geo.CountryResolver;
import io.flightwatch.nlp.geo.Gazetteer;
import io.flightwatch.nlp.text.Normalized;
import io.flightwatch.nlp.text.ShoutedOpeners;
import io.flightwatch.nlp.text.WrappedLines;
import io.flightwatch.nlp.text.TextNormalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The extractor: cap the text, ask the relevance gate, run the shared CoreNLP pipeline, collect entities and money, and
 * read claims. The stream processor and {@code extract} both call this. One instance per thread
 * ({@link AnnotatorFactory#newAnnotator()}).
 */
public final class CoreNlpAnnotator implements ArticleAnnotator {

  private final ExtractorSettings settings;
  private final CountryResolver places;
  private final Gazetteer gazetteer;
  private final NlpPipeline pipeline;
  private final MoneyFinder money;
  private final ClaimPipeline claims;
  private final TextNormalizer normalizer = TextNormalizer.standard();
  private final RelevanceGate gate;

  CoreNlpAnnotator(ExtractorSettings settings, CountryResolver places, Gazetteer gazetteer, NlpPipeline pipeline,
      MoneyFinder money, ClaimPipeline claims) {
    this.settings = settings;
    this.places = places;
    this.gazetteer = gazetteer;
    this.pipeline = pipeline;
    this.money = money;
    this.claims = claims;
    this.gate = new RelevanceGate(places, gazetteer);
  }

  @Override
  public AnnotatedArticle annotate(Article article) {
    List<String> warnings = new ArrayList<>();
    String full = article.fullText();
    boolean truncated = false;
    String text = full;
    if (full.length() > settings.maxChars()) {
      text = cut(full, settings.maxChars());
      truncated = true;
      warnings.add("text truncated from " + full.length() + " to " + text.length() + " chars (nlp.max.chars="
          + settings.maxChars() + ")");
    }
    // a hard-wrapped wire story's lines are one sentence for the gate as for the parser (same offsets)
    String prose = WrappedLines.join(text);
    RelevanceGate.Result gated = gate.scan(prose);
    RelevanceGate.Verdict verdict = gated.verdict();
    switch (verdict) {
      case EMPTY -> warnings.add("empty text: nothing to annotate");
      case NOT_PROSE -> warnings.add("text does not look like English prose (binary or non-Latin script): not "
          + "annotated");
      default -> { }
    }
    boolean annotate = verdict == RelevanceGate.Verdict.RELEVANT
        || (verdict == RelevanceGate.Verdict.OFF_TOPIC && !settings.relevanceGate());
    if (annotate && verdict == RelevanceGate.Verdict.RELEVANT && settings.relevanceGate() && !gated.clear()
        && !claimIn(prose, gated.sentences(), article)) {
      annotate = false;
      warnings.add("no claim read in the " + gated.sentences().size()
          + " sentences with flight or money words: not annotated");
    }
    if (!annotate) {
      return new AnnotatedArticle(article.id(), article.contentHash(), article.url(), article.source(), article.title(),
          article.publishedAt(), List.of(), List.of(), List.of(),
          new ProcessingInfo(AnnotatorFactory.EXTRACTOR_VERSION, "", false, text.length(), 0, truncated, warnings));
    }
    // CoreNLP time grows faster than linearly with sentence length: a text without full stops or newlines (a scraped
    // table, a run-on page) is broken into lines; a space becomes a newline, so every offset stays the same.
    // Format characters, look-alike letters and odd spaces would split names and numbers; the rules read the normalised
    // text, and every offset that leaves the extractor is mapped back to the original.
    Normalized norm = normalizer.normalize(text);
    // amounts too are read on joined lines: "USD 120\nmillion" is one sum (same offsets)
    String clean = WrappedLines.join(norm.text());
    Annotation doc = prepared(clean);
    int tokens = doc.get(CoreAnnotations.TokensAnnotation.class).size();
    EntityIndex entities = new EntityIndex(doc, clean, places, gazetteer);
    List<MoneyMention> amounts = money.find(clean, date(article));
    List<Claim> found = claims.extract(doc, norm, article, entities, amounts);
    return new AnnotatedArticle(article.id(), article.contentHash(), article.url(), article.source(), article.title(),
        article.publishedAt(), original(entities.mentions(), norm), originalMoney(amounts, norm), found,
        new ProcessingInfo(AnnotatorFactory.EXTRACTOR_VERSION, pipeline.description(), true, text.length(), tokens,
            truncated, warnings));
  }

  /** The text prepared for CoreNLP (same offsets) and annotated. */
  private Annotation prepared(String clean) {
    Annotation doc = new Annotation(
        blankAbbreviationStops(blankQuoteMarks(breakDatelines(breakLongRuns(ShoutedOpeners.calm(clean), MAX_RUN)))));
    pipeline.annotate(doc);
    return doc;
  }

  /** Amounts are converted at the rates of the article's date (the latest rates when it has none). */
  private static LocalDate date(Article article) {
    return article.publishedAt() == null ? null : LocalDate.ofInstant(article.publishedAt(), ZoneOffset.UTC);
  }

  /**
   * The cascade's middle step, for an article whose gated sentences have only everyday words ("returned",
   * "recovered", "overseas"): those sentences (with the sentence before those that state no figure) are annotated
   * and read on their own; the whole article is annotated only when they give a
   * claim draft. CoreNLP's tagger and NER read one sentence at a time, so a sentence gets the same tags here as in the
   * whole article, and references to people named elsewhere resolve leniently. An off-topic article that used a flight
   * word near a money word ("the council returned to a balanced budget, the finance director said") then costs a few
   * sentences, not the article.
   */
  private boolean claimIn(String text, List<RelevanceGate.Span> sentences, Article article) {
    StringBuilder b = new StringBuilder();
    int upTo = 0;
    for (RelevanceGate.Span s : sentences) {
      // the sentence before may hold the amount a money verb refers to ("$4 million ... The sum was moved to Dubai")
      boolean figure = text.substring(s.begin(), s.end()).chars().anyMatch(Character::isDigit);
      int from = Math.max(upTo, figure ? s.begin() : RelevanceGate.withPrevious(text, s).begin());
      if (from < s.end()) {
        b.append(text, from, s.end()).append('\n');
        upTo = s.end();
      }
    }
    String clean = WrappedLines.join(normalizer.normalize(b.toString()).text());
    Annotation doc = prepared(clean);
    return claims.readsAClaim(doc, article, new EntityIndex(doc, clean, places, gazetteer),
        money.find(clean, date(article)));
  }

  private static List<EntityMention> original(List<EntityMention> mentions, Normalized norm) {
    if (norm.unchanged()) {
      return mentions;
    }
    return mentions.stream().map(m -> {
      int b = norm.originalOffset(m.begin());
      int e = norm.originalEndOffset(m.end());
      return new EntityMention(m.type(), norm.original().substring(b, e), b, e, m.normalized());
    }).toList();
  }

  private static List<MoneyMention> originalMoney(List<MoneyMention> amounts, Normalized norm) {
    if (norm.unchanged()) {
      return amounts;
    }
    return amounts.stream().map(m -> {
      int b = norm.originalOffset(m.begin());
      int e = norm.originalEndOffset(m.end());
      return new MoneyMention(norm.original().substring(b, e), b, e, m.amount(), m.low(), m.high(), m.currency(),
          m.approximate(), m.amountUsd(), m.usdLow(), m.usdHigh(), m.usdRateSource(), m.usdRate(), m.rateDate());
    }).toList();
  }

  /** Characters after which a run with no sentence end gets a line break at the next space. */
  static final int MAX_RUN = 1500;

  static String breakLongRuns(String text, int maxRun) {
    StringBuilder b = null;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '.' || c == '!' || c == '?') {
        run = 0;
      } else if (++run > maxRun && c == ' ') {
        if (b == null) {
          b = new StringBuilder(text);
        }
        b.setCharAt(i, '\n');
        run = 0;
      }
    }
    return b == null ? text : b.toString();
  }

  /**
   * A dateline in capitals ("KAMPALA - ", "DAR ES SALAAM — ", "LAGOS, Nigeria (Reuters) - ", "KUALA LUMPUR: ") at the
   * start of a line.
   */
  private static final java.util.regex.Pattern DATELINE = java.util.regex.Pattern.compile(
      // "KAMPALA -", "LA PAZ, Bolivia -", "BEIJING, Nov 3 (Xinhua) --", "LAGOS, Nov. 3, 2023 (AP) -"
      "(?m)^\\p{Lu}[\\p{Lu}.'’]+(?:[ -]\\p{Lu}[\\p{Lu}.'’]+){0,3}"
          + "(?:, \\p{Lu}[\\p{L}.]+(?: [\\p{Lu}\\d][\\p{L}\\d.]*){0,2}(?:, \\d{4})?)?"
          + "(?: \\([^)\\n]{1,40}\\))? ?(?:[-—–]{1,2}|:)( )(?=\\S)");

  private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\p{Ll}*\\.?";

  /** A dateline in title case with no dash: "Tegucigalpa, 18 Mar Former Honduran Minister…", "Lima, May 3 (EFE) A…". */
  private static final java.util.regex.Pattern TITLE_DATELINE = java.util.regex.Pattern.compile(
      "(?m)^\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){0,2}, (?:\\d{1,2} " + MONTH + "|" + MONTH + " \\d{1,2})"
          + "(?:,? \\d{4})?(?: \\([^)\\n]{1,40}\\))?( )(?=\\p{Lu})");

  /**
   * The tagger reads a dateline and the words after it as one name ("KAMPALA - Two former ministers": "Two" becomes a
   * proper noun, the count is lost), so the space after its dash becomes a line break: the dateline is a sentence of
   * its own. Offsets stay the same.
   */
  static String breakDatelines(String text) {
    StringBuilder b = null;
    for (java.util.regex.Pattern p : List.of(DATELINE, TITLE_DATELINE)) {
      java.util.regex.Matcher m = p.matcher(text);
      while (m.find()) {
        if (b == null) {
          b = new StringBuilder(text);
        }
        b.setCharAt(m.start(1), '\n');
      }
    }
    return b == null ? text : b.toString();
  }

  /**
   * Double quote marks become spaces for the parser: a scare-quoted label inside a noun phrase ('60 "red notice"
   * fugitives') cuts the number from its noun, and the claims never need the marks. Offsets stay the same.
   */
  static String blankQuoteMarks(String text) {
    if (text.indexOf('"') < 0 && text.indexOf('\u201C') < 0 && text.indexOf('\u201D') < 0) {
      return text;
    }
    return text.replace('"', ' ').replace('\u201C', ' ').replace('\u201D', ' ');
  }

  /** Abbreviations that stand before an amount ("approx. $198 million", "est. 2 billion", "ca. \u20AC4m"). */
  private static final java.util.Set<String> AMOUNT_ABBREVIATIONS = java.util.Set.of("approx", "est", "ca");

  /**
   * The full stop at {@code dot} closes an abbreviation before an amount ("deposited \u00A3127m (approx. $198
   * million) at a bank"), not a sentence; {@link RelevanceGate} reads sentences the same way.
   */
  static boolean abbreviationStop(CharSequence s, int dot) {
    if (s.charAt(dot) != '.') {
      return false;
    }
    int b = dot;
    while (b > 0 && Character.isLetter(s.charAt(b - 1))) {
      b--;
    }
    String word = s.subSequence(b, dot).toString().toLowerCase(java.util.Locale.ROOT);
    if (b == dot || !AMOUNT_ABBREVIATIONS.contains(word)) {
      return false;
    }
    int n = dot + 1;
    while (n < s.length() && s.charAt(n) == ' ') {
      n++;
    }
    return n < s.length() && (Character.isDigit(s.charAt(n)) || "$\u20AC\u00A3".indexOf(s.charAt(n)) >= 0);
  }

  /** Such a full stop becomes a space, so the sentence splitter keeps the sentence whole. Offsets stay the same. */
  static String blankAbbreviationStops(String text) {
    StringBuilder b = null;
    for (int i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
      if (abbreviationStop(text, i)) {
        if (b == null) {
          b = new StringBuilder(text);
        }
        b.setCharAt(i, ' ');
      }
    }
    return b == null ? text : b.toString();
  }

  /** Cuts at the last whitespace before the cap so no word is split (unless there is none in the last 200 chars). */
  static String cut(String text, int max) {
    int at = max;
    for (int i = max; i > Math.max(0, max - 200); i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        at = i;
        break;
      }
    }
    if (at > 0 && Character.isHighSurrogate(text.charAt(at - 1))) {
      at--;
    }
    return text.substring(0, at);
  }
}
