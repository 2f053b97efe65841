package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import io.flightwatch.common.MoneyMention;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One sentence as the claim rules see it: tokens with lemma, NER, place code and number value, its money, and (for
 * candidate sentences) its dependency graph.
 */
final class SentenceView {

  /**
   * A token with what the rules need. {@code entity} numbers the entity mention the token belongs to (-1: none);
   * {@code owner} is the country named inside an organisation ("Foreign Ministry of Norway"), which is no place.
   */
  record Tok(int i, String word, String lower, String lemma, String tag, String ner, int begin, int end, String iso,
      boolean nationality, Double number, int entity, String owner) {

    boolean isPlace() {
      return iso != null && !nationality;
    }

    boolean isPerson() {
      return "PERSON".equals(ner);
    }
  }

  final int index;
  final CoreMap map;
  final List<Tok> toks;
  final int begin;
  final int end;
  final List<MoneyMention> money;
  /** Enhanced++ dependencies; null for sentences that were not candidates (only candidates are parsed). */
  final SemanticGraph graph;

  SentenceView(int index, CoreMap map, List<Tok> toks, List<MoneyMention> money) {
    this.index = index;
    this.graph = map.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
    this.map = map;
    this.toks = toks;
    this.begin = map.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
    this.end = map.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
    this.money = money;
  }

  String text() {
    return map.get(CoreAnnotations.TextAnnotation.class);
  }

  /** Tokens [from, to) joined by spaces. */
  String span(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = Math.max(0, from); i < to && i < toks.size(); i++) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(toks.get(i).word());
    }
    return b.toString();
  }

  /** A name in tokens [from, to) as written: "Sung-ho" and "al-Ferjani" stay one word, other tokens take a space. */
  String name(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = Math.max(0, from); i < to && i < toks.size(); i++) {
      if (bracket(toks.get(i).word())) {
        continue; // "(former Prosecutor General Viktor) Pshonka": the name, not the aside's brackets
      }
      if (b.length() > 0 && toks.get(i - 1).end() != toks.get(i).begin()) {
        b.append(' ');
      }
      b.append(toks.get(i).word());
    }
    return b.toString();
  }

  /** A bracket token, as the tokenizer writes it. */
  static boolean bracket(String word) {
    return BRACKETS.contains(word);
  }

  private static final java.util.Set<String> BRACKETS = java.util.Set.of("(", ")", "[", "]", "-LRB-", "-RRB-",
      "-LSB-", "-RSB-");

  /** First and last token (inclusive) of the entity mention that token i belongs to; [i, i] outside entities. */
  int[] entitySpan(int i) {
    int b = i;
    int e = i;
    int id = toks.get(i).entity();
    if (id >= 0) {
      while (b - 1 >= 0 && toks.get(b - 1).entity() == id) {
        b--;
      }
      while (e + 1 < toks.size() && toks.get(e + 1).entity() == id) {
        e++;
      }
    }
    return new int[] {b, e};
  }

  /** Token i lies inside one of the sentence's money mentions ("SFr116 million" is no count of people). */
  boolean inMoney(int i) {
    Tok t = tok(i);
    for (MoneyMention m : money) {
      if (t != null && t.begin() >= m.begin() && t.end() <= m.end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The whole count stated by the number entity that token i belongs to ("44", "twenty one"); null when the token is
   * no number, lies in a money mention, or the number is a year ("in 2019").
   */
  Long countAt(int i) {
    Tok t = tok(i);
    if (t == null || t.number() == null || !"NUMBER".equals(t.ner()) || inMoney(i)) {
      return null;
    }
    Tok last = tok(entitySpan(i)[1]);
    if (last.number() == null || last.word().length() == 4 && last.number() >= 1900 && last.number() <= 2100) {
      return null;
    }
    return Math.round(last.number());
  }

  int size() {
    return toks.size();
  }

  Tok tok(int i) {
    return i >= 0 && i < toks.size() ? toks.get(i) : null;
  }

  String lower(int i) {
    Tok t = tok(i);
    return t == null ? "" : t.lower();
  }

  /** Index of the token that contains or follows a character offset. */
  int tokenAt(int offset) {
    for (Tok t : toks) {
      if (t.end() > offset) {
        return t.i();
      }
    }
    return toks.size();
  }

  /** Token span [first, last] of a money mention. */
  int[] span(MoneyMention m) {
    int a = tokenAt(m.begin());
    int b = a;
    while (b + 1 < toks.size() && toks.get(b + 1).begin() < m.end()) {
      b++;
    }
    return new int[] {a, b};
  }

  private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d{1,3}(?:,\\d{3})+|\\d+");
  private static final java.util.Map<String, Double> NUMBER_WORDS = java.util.Map.ofEntries(
      java.util.Map.entry("two", 2.0), java.util.Map.entry("three", 3.0), java.util.Map.entry("four", 4.0),
      java.util.Map.entry("five", 5.0), java.util.Map.entry("six", 6.0), java.util.Map.entry("seven", 7.0),
      java.util.Map.entry("eight", 8.0), java.util.Map.entry("nine", 9.0), java.util.Map.entry("ten", 10.0),
      java.util.Map.entry("eleven", 11.0), java.util.Map.entry("twelve", 12.0), java.util.Map.entry("thirteen", 13.0),
      java.util.Map.entry("fourteen", 14.0), java.util.Map.entry("fifteen", 15.0), java.util.Map.entry("sixteen", 16.0),
      java.util.Map.entry("seventeen", 17.0), java.util.Map.entry("eighteen", 18.0),
      java.util.Map.entry("nineteen", 19.0), java.util.Map.entry("twenty", 20.0), java.util.Map.entry("thirty", 30.0),
      java.util.Map.entry("forty", 40.0), java.util.Map.entry("fifty", 50.0), java.util.Map.entry("sixty", 60.0),
      java.util.Map.entry("seventy", 70.0), java.util.Map.entry("eighty", 80.0), java.util.Map.entry("ninety", 90.0));

  /** A whole-number numeral ("380", "4,000", "five") with a numeral or proper-noun tag; null otherwise. */
  static Double numeral(String word, String tag) {
    boolean capital = !word.isEmpty() && Character.isUpperCase(word.charAt(0));
    if (!tag.equals("CD") && !tag.equals("NNP") && !(capital && (tag.equals("NN") || tag.equals("JJ")))) {
      return null;
    }
    if (DIGITS.matcher(word).matches()) {
      return Double.valueOf(word.replace(",", ""));
    }
    // "Eleven officials", "Thirty officials": at a sentence start the tagger may call a number word a name or a noun
    return tag.equals("CD") || capital ? NUMBER_WORDS.get(word.toLowerCase(Locale.ROOT)) : null;
  }

  static List<Tok> tokens(CoreMap sentence, EntityIndex entities) {
    List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
    List<Tok> out = new ArrayList<>(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      CoreLabel l = labels.get(i);
      String word = l.word();
      String lemma = l.lemma() == null ? word.toLowerCase(Locale.ROOT) : l.lemma().toLowerCase(Locale.ROOT);
      EntityIndex.Slot slot = entities.slot(l.beginPosition());
      String tag = l.tag() == null ? "" : l.tag();
      // the lean NER's numeric classifier misses some numerals ("About 380 officials" at a sentence start is tagged
      // NNP, "4,000" after a colon gets no NUMBER): a bare numeral the NER left alone is still a number
      Double numeral = slot == null ? numeral(word, tag) : null;
      if (numeral == null && slot == null && word.equalsIgnoreCase("dozen") && i > 0
          && labels.get(i - 1).word().equalsIgnoreCase("a")) {
        numeral = 12.0; // "up to a dozen mid-ranking officials had defected"
      }
      out.add(new Tok(i, word, word.toLowerCase(Locale.ROOT), lemma, tag,
          slot == null ? (numeral != null ? "NUMBER" : "O") : slot.type(), l.beginPosition(), l.endPosition(),
          slot == null ? null : slot.iso(), slot != null && "NATIONALITY".equals(slot.type()),
          slot == null ? numeral : slot.number(), slot == null ? -1 : slot.entity(),
          slot == null ? null : slot.owner()));
    }
    return out;
  }
}
