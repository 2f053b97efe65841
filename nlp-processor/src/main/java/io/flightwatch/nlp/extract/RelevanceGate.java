package io.flightwatch.nlp.extract;

import io.flightwatch.nlp.geo.CountryResolver;
import io.flightwatch.nlp.geo.Gazetteer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cheap check run before any CoreNLP annotation: is an article worth annotating, and which of its sentences could
 * hold a claim. It is when a sentence has a movement word (fled, extradited, laundered, lives in, wired $...) and an
 * actor or money word (officials, minister, fugitives, million, $...) is in it or in the sentence before or after it
 * (the words are in {@code relevance-gate.txt}); then every sentence with a claim predicate's beginning
 * ({@code candidate-stems.txt}) and an actor word in it is a sentence to look at too.
 *
 * <pre>
 *   "A former provincial official fled to Canada."          relevant
 *   "Hiding in plain sight" + "Two former ministers ..."    relevant (the actor is in the next sentence)
 *   "The striker returned from injury."                     off-topic (no actor)
 *   "The club captain lives in Paris." + 12 sentences + "Former players attend."   off-topic (too far apart)
 *   "The council has returned to a balanced budget, the finance director said."    off-topic (a common word alone)
 *   "Three officials have returned, the agency said."                              relevant (a count of officials)
 * </pre>
 *
 * <p>A common movement word ("returned", "recovered", "transfer", "lives in": {@code [movement-common]}) counts only
 * when its sentence also has what a claim is made of, a place, a direction, money, a count of officials or a fugitive's
 * context ({@link EverydayAnchors}); news uses these words mostly in their everyday sense, and without this check each
 * such article cost the cascade's CoreNLP step.
 *
 * <p>Every movement line starts with at least three plain letters: the gate looks those up with plain text searches
 * over a lower-cased copy (fast, no regex over the whole article) and runs the regexes only on the sentences around a
 * find. An off-topic article then costs a few dozen string searches. Recall matters more than precision: the claim
 * rules decide, the gate only saves time.
 */
public final class RelevanceGate {

  static final String WORDS = "/io/flightwatch/nlp/extract/relevance-gate.txt";

  /** Sentences are cut at this length around a find (a run-on text has no sentence ends). */
  private static final int MAX_SENTENCE = 600;

  /** At least this share of the characters must be letters or spaces for a text to count as prose. */
  private static final double MIN_PROSE_SHARE = 0.6;

  public enum Verdict {
    RELEVANT, OFF_TOPIC, NOT_PROSE, EMPTY
  }

  /**
   * The verdict and, when relevant, the sentences (begin/end offsets, in order) that could hold a claim; {@code clear}
   * when one of them has a word of flight or hidden money that news rarely uses in another sense ("fled",
   * "extradited", "laundered"), not only an everyday one ("returned", "recovered", "overseas").
   */
  public record Result(Verdict verdict, List<Span> sentences, boolean clear) {}

  /** A sentence of the checked text: [begin, end). */
  public record Span(int begin, int end) {}

  private final List<String> keys;
  private final Pattern movement;
  private final Pattern everyday;
  private final Pattern common;
  private final Pattern actor;
  private final EverydayAnchors anchors;
  /** The beginnings of every claim predicate ({@link CandidateFilter#STEMS}). */
  private final Pattern predicate = Pattern.compile("(?i)\\b(?:" + String.join("|", CandidateFilter.stems()) + ")");

  /** A gate with the bundled place tables. */
  public RelevanceGate() {
    this(CountryResolver.load(), Gazetteer.load());
  }

  /** A gate that looks place names up in these tables (an annotator passes its own). */
  public RelevanceGate(CountryResolver places, Gazetteer gazetteer) {
    Map<String, List<String>> sections = sections(ResourceLines.read(WORDS));
    List<String> moves = sections.getOrDefault("movement", List.of());
    List<String> everydays = sections.getOrDefault("movement-everyday", List.of());
    List<String> commons = sections.getOrDefault("movement-common", List.of());
    List<String> actors = new ArrayList<>(sections.getOrDefault("actor", List.of()));
    for (String list : List.of(Lexicon.OFFICIALS, Lexicon.FUGITIVES)) {
      Lexicon.standard().list(list).stream().filter(w -> !w.endsWith("*"))
          .map(w -> "former " + Pattern.quote(w) + "s?").forEach(actors::add);
    }
    this.keys = java.util.stream.Stream.of(moves, everydays, commons).flatMap(List::stream).map(RelevanceGate::key)
        .distinct().toList();
    this.movement = Pattern.compile("\\b(?:" + String.join("|", moves) + ")", Pattern.CASE_INSENSITIVE);
    this.everyday = Pattern.compile("\\b(?:" + String.join("|", everydays) + ")", Pattern.CASE_INSENSITIVE);
    this.common = Pattern.compile("\\b(?:" + String.join("|", commons) + ")", Pattern.CASE_INSENSITIVE);
    this.anchors = new EverydayAnchors(places, gazetteer, sections.getOrDefault("anchor-money", List.of()),
        sections.getOrDefault("anchor-direction", List.of()));
    this.actor = Pattern.compile("\\b(?:" + String.join("|", actors) + ")\\b|"
        + String.join("|", sections.getOrDefault("actor-symbols", List.of())), Pattern.CASE_INSENSITIVE);
  }

  public Verdict check(CharSequence text) {
    return scan(text).verdict();
  }

  public Result scan(CharSequence text) {
    if (text == null || text.toString().isBlank()) {
      return new Result(Verdict.EMPTY, List.of(), false);
    }
    if (!looksLikeProse(text)) {
      return new Result(Verdict.NOT_PROSE, List.of(), false);
    }
    String s = text.toString();
    String lower = lowerSameLength(s);
    java.util.TreeMap<Integer, Span> hits = new java.util.TreeMap<>();
    boolean clear = false;
    for (String key : keys) {
      for (int at = lower.indexOf(key); at >= 0; at = lower.indexOf(key, at + key.length())) {
        if (at > 0 && Character.isLetter(lower.charAt(at - 1)) || hits.floorEntry(at) != null
            && hits.floorEntry(at).getValue().end() > at) {
          continue; // inside a word, or in a sentence already kept
        }
        Span sentence = sentenceAt(s, at);
        boolean clearWord = find(movement, s, sentence);
        boolean moved = clearWord || find(everyday, s, sentence);
        // a common word ("returned to a balanced budget") counts only with a place, direction, amount or count near
        if ((moved || find(common, s, sentence)) && actorNear(s, sentence) && (moved || anchors.near(s, sentence))) {
          hits.put(sentence.begin(), sentence);
          clear |= clearWord;
        }
      }
    }
    if (hits.isEmpty()) {
      return new Result(Verdict.OFF_TOPIC, List.of(), false);
    }
    // The article is relevant: every sentence that could hold a claim is worth a look, also one whose predicate is not
    // a gate word ("Officials abroad" / "About 260 officials have slipped out of the country").
    for (int at = 0; at < s.length(); ) {
      Span sentence = sentenceAt(s, at);
      if (!hits.containsKey(sentence.begin()) && find(predicate, s, sentence) && find(actor, s, sentence)) {
        hits.put(sentence.begin(), sentence);
      }
      at = sentence.end() >= s.length() ? s.length() : nextNonBlank(s, sentence.end());
      if (at == sentence.begin()) {
        break;
      }
    }
    return new Result(Verdict.RELEVANT, List.copyOf(hits.values()), clear);
  }

  private boolean actorNear(String s, Span sentence) {
    if (find(actor, s, sentence)) {
      return true;
    }
    Span before = before(s, sentence);
    Span after = after(s, sentence);
    return before != null && find(actor, s, before) || after != null && find(actor, s, after);
  }

  /** The sentence before this one; null for the first. */
  static Span before(String s, Span sentence) {
    return sentence.begin() > 0 ? sentenceAt(s, previousNonBlank(s, sentence.begin() - 1)) : null;
  }

  /** The sentence after this one; null for the last. */
  static Span after(String s, Span sentence) {
    return sentence.end() < s.length() ? sentenceAt(s, nextNonBlank(s, sentence.end())) : null;
  }

  /** The sentence with the one before it. */
  public static Span withPrevious(String s, Span sentence) {
    if (sentence.begin() == 0) {
      return sentence;
    }
    return new Span(sentenceAt(s, previousNonBlank(s, sentence.begin() - 1)).begin(), sentence.end());
  }

  private static boolean find(Pattern p, String s, Span span) {
    Matcher m = p.matcher(s);
    m.region(span.begin(), span.end());
    m.useTransparentBounds(true);
    return m.find();
  }

  /**
   * The sentence around {@code at}: from after the last sentence end (".", "!" or "?" before a space, or a line break)
   * to the next one, at most {@link #MAX_SENTENCE} characters each way.
   */
  static Span sentenceAt(String s, int at) {
    int begin = at;
    int stop = Math.max(0, at - MAX_SENTENCE);
    while (begin > stop && !endsSentence(s, begin - 1)) {
      begin--;
    }
    int end = at;
    int limit = Math.min(s.length(), at + MAX_SENTENCE);
    while (end < limit && !endsSentence(s, end)) {
      end++;
    }
    return new Span(begin, Math.min(s.length(), end + 1));
  }

  private static boolean endsSentence(String s, int i) {
    char c = s.charAt(i);
    if (c == '\n') {
      return true;
    }
    return (c == '.' || c == '!' || c == '?') && (i + 1 == s.length() || Character.isWhitespace(s.charAt(i + 1)))
        && !CoreNlpAnnotator.abbreviationStop(s, i);
  }

  private static int previousNonBlank(String s, int i) {
    while (i > 0 && Character.isWhitespace(s.charAt(i))) {
      i--;
    }
    return Math.max(0, i - 1 >= 0 && endsSentence(s, i) ? i - 1 : i);
  }

  private static int nextNonBlank(String s, int i) {
    while (i < s.length() - 1 && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Lower case char by char, so every offset stays the same ("İ" would otherwise become two chars). */
  private static String lowerSameLength(String s) {
    char[] out = s.toCharArray();
    for (int i = 0; i < out.length; i++) {
      out[i] = Character.toLowerCase(out[i]);
    }
    return new String(out);
  }

  /** The plain letters a movement line starts with: what the text search looks for. */
  static String key(String line) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      boolean optional = i + 1 < line.length() && "?*{".indexOf(line.charAt(i + 1)) >= 0;
      if (!(Character.isLetter(c) || c == ' ' || c == '-') || optional) {
        break;
      }
      b.append(Character.toLowerCase(c));
    }
    if (b.length() < 3) {
      throw new IllegalStateException(WORDS + ": a movement line must start with three plain letters: " + line);
    }
    return b.toString();
  }

  private static Map<String, List<String>> sections(List<ResourceLines.Line> lines) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> current = null;
    for (ResourceLines.Line l : lines) {
      String t = l.text().strip();
      if (t.matches("\\[[a-z-]+]")) {
        current = out.computeIfAbsent(t.substring(1, t.length() - 1), k -> new ArrayList<>());
      } else if (current == null) {
        throw new IllegalStateException(WORDS + ":" + l.number() + ": a line before the first [section]");
      } else {
        Pattern.compile(t); // a broken line is reported with its number, not as part of a long alternation
        current.add(t);
      }
    }
    return out;
  }

  /** Binary junk and non-Latin scripts fail this; the CoreNLP English models would only produce noise on them. */
  static boolean looksLikeProse(CharSequence text) {
    int n = Math.min(text.length(), 20_000);
    int ok = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if ((c < 0x250 && Character.isLetter(c)) || Character.isWhitespace(c) || c == '.' || c == ',') {
        ok++;
      }
    }
    return n > 0 && ok >= MIN_PROSE_SHARE * n;
  }
}
