package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import io.flightwatch.common.Subject;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.Locale;
import java.util.Set;

/**
 * Stage 4 (people): whether a number counts the people of an actor, and the count's text with its hedge.
 *
 * <pre>
 *   "more than 1,000 corrupt officials fled"     count 1000, approximate, text "more than 1,000"
 *   "10 to 20 suspects were living in Ghana"      count 10, approximate: at least the lower bound
 *   "16,000 to 18,000 officials fled"             count 17000, approximate: a narrow range's middle
 *   "Three of them were repatriated"             count 3
 *   "three years hiding in Spain"                 no count: a length of time ({@code time-units.txt})
 *   "Interpol's 100 most wanted", "top 100"       no count: a list or a share
 *   "the return of 12 fugitive officials"         count 12: the number after a predicate noun is who returned
 *   "warrants for nine of the officials who have escaped abroad"   count 9: the number the group hangs on
 * </pre>
 */
final class ActorCounts {

  private final Lexicon lexicon;

  ActorCounts(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  private boolean isCount(Tok t) {
    return t != null && t.number() != null && "NUMBER".equals(t.ner()) && !lexicon.has(Lexicon.VAGUE_NUMBERS,
        t.lower());
  }

  /** A number that can count people: not money, not a length of time or a frequency ("three years", "two times"). */
  boolean isCount(SentenceView s, int i) {
    Tok t = s.tok(i);
    Tok next = s.tok(s.entitySpan(i)[1] + 1);
    return isCount(t) && !s.inMoney(i) && (next == null || !lexicon.has(Lexicon.TIME_UNITS, next.lemma()))
        && !year(s, i);
  }

  /**
   * "who fled to Canada in 2014": a year after a preposition, even where the tagger calls it a number; "the Sky Net
   * 2025 operation": a year in a name.
   */
  private static boolean year(SentenceView s, int i) {
    Tok t = s.tok(i);
    Tok before = s.tok(s.entitySpan(i)[0] - 1);
    return t.word().length() == 4 && t.number() >= 1900 && t.number() <= 2100 && before != null
        && (before.tag().equals("IN") || before.tag().equals("TO") || before.tag().startsWith("NNP"));
  }

  /** The count of the number at {@code i} on {@code a}, with its text from the hedge in front ("about 40"). */
  void setCount(SentenceView s, int i, Actor a) {
    int[] span = s.entitySpan(i);
    a.count = Math.round(s.tok(span[1]).number());
    int low = rangeLow(s, span[0]);
    if (low >= 0) {
      // "10 to 20 suspects": at least the lower bound; "16,000 to 18,000 officials": a narrow range (bounds within a
      // fifth) is its middle, the estimate either end is within a tenth of; "16 to 18 thousand": the scale is both's
      a.count = ofRange(Math.round(s.tok(low).number() * sharedScale(s, low, span)), a.count);
      span = new int[] {s.entitySpan(low)[0], span[1]};
    }
    int upper = span[1] + 2;
    if (low < 0 && s.lower(span[0] - 1).equals("between") && s.lower(span[1] + 1).equals("and")
        && s.tok(upper) != null && s.tok(upper).number() != null && s.tok(upper).number() > a.count) {
      // "between 16,000 and 18,000 officials": the parser counts the lower bound
      a.count = ofRange(a.count, Math.round(s.tok(upper).number()));
      low = span[0];
      span = new int[] {span[0], s.entitySpan(upper)[1]};
    }
    int start = approxStart(s, span[0]);
    a.approximate = start < span[0] || low >= 0;
    a.text = s.span(start, span[1] + 1);
    a.tok = span[1];
  }

  /** A range's count: a narrow one (bounds within a fifth) is its middle, a wide one at least its lower bound. */
  private static long ofRange(long least, long high) {
    return high * 5 <= least * 6 ? Math.round((least + high) / 2.0) : least;
  }

  /** Scale words that a range's upper bound may share with a bare lower bound ("16 to 18 thousand"). */
  private static final java.util.Map<String, Long> SCALES = java.util.Map.of("hundred", 100L, "thousand", 1_000L,
      "million", 1_000_000L, "lakh", 100_000L, "crore", 10_000_000L);

  /** The upper bound's scale when the lower bound has none of its own and would be far too small without it. */
  private static long sharedScale(SentenceView s, int low, int[] high) {
    Long scale = SCALES.get(s.lower(high[1]));
    boolean bare = s.entitySpan(low)[1] == low && !SCALES.containsKey(s.lower(low));
    return scale != null && high[1] > high[0] && bare && s.tok(low).number() * scale <= s.tok(high[1]).number()
        ? scale : 1L;
  }

  /** The lower bound's token of a range ending at the number starting at {@code first} ("10 to 20"), or -1. */
  private int rangeLow(SentenceView s, int first) {
    int low = first - 2;
    boolean joined = s.lower(first - 1).equals("to") || s.lower(first - 1).equals("and") && low >= 0
        && s.lower(s.entitySpan(low)[0] - 1).equals("between"); // "between 10 and 20"
    return joined && low >= 0 && isCount(s, low) && s.tok(low).number() < s.tok(first).number() ? low : -1;
  }

  /** Where a number's phrase starts: at a hedge of one or two words before it ("nearly 300", "up to 50"). */
  int approxStart(SentenceView s, int first) {
    if (lexicon.has(Lexicon.APPROX_TWO, s.lower(first - 2) + " " + s.lower(first - 1))) {
      return first - 2;
    }
    return lexicon.has(Lexicon.APPROX_ONE, s.lower(first - 1)) ? first - 1 : first;
  }

  /** "Interpol's 100 most wanted", "a list of the 100", "top 100", "48 out of 100": a list or a share, not a count. */
  boolean listOrShare(SentenceView s, int first) {
    String before = s.lower(first - 1);
    String twoBefore = s.lower(first - 2);
    // "upwards of 600", "in excess of 600", "a total of 55", "a record number of 640": the number itself, not a share;
    // "most of 18 suspects were hiding in Singapore": the group the most are of
    // "the return of 12 fugitive officials": the number after a predicate noun is who returned, not a share
    boolean upwards = before.equals("of") && (twoBefore.equals("upwards") || twoBefore.equals("excess")
        || twoBefore.equals("total") || twoBefore.equals("number") || ActorFallbacks.MOST.contains(twoBefore)
        || s.tok(first - 2) != null && lexicon.has(Lexicon.PREDICATE_NOUNS, s.tok(first - 2).lemma()));
    int last = s.entitySpan(first)[1];
    if (before.equals("of") && PUBLISHED.contains(twoBefore) && whoAfter(s, last)) {
      // "published a list of 35 officials who have escaped abroad", "published details of 31 graft suspects who had
      // fled abroad": all of them escaped
      return false;
    }
    if (s.lower(last + 1).equals("out") && s.lower(last + 2).equals("of")) {
      return true;
    }
    if (before.equals("of") && !upwards || before.equals("top") || before.equals("'s") || before.equals("’s")
        || before.equals("to") && !s.lower(first - 2).equals("up") && rangeLow(s, first) < 0) {
      return true;
    }
    for (int k = first - 1; k >= Math.max(0, first - 4); k--) {
      String l = s.tok(k).lemma();
      if (l.equals("list") || l.equals("notice") || l.equals("top") || l.equals("ranking") || l.equals("target")) {
        return true;
      }
    }
    return false;
  }

  /** A relative pronoun within a few words after the number: "100 corruption suspects who had fled". */
  private static boolean whoAfter(SentenceView s, int last) {
    for (int k = last + 1; k <= last + 7 && k < s.size(); k++) {
      String w = s.lower(k);
      if (w.equals("who") || w.equals("that")) {
        return true;
      }
      if (w.equals(",") || w.equals(";") || w.equals(".")) {
        return false;
      }
    }
    return false;
  }

  /**
   * "warrants for nine of the former president's officials who have escaped abroad": the parser hangs the group on
   * the number ({@code nmod:of}) when the number is itself a verb's argument; the number counts the group. -1: none.
   */
  int countAbove(SentenceView s, IndexedWord group) {
    for (SemanticGraphEdge e : s.graph.incomingEdgeIterable(group)) {
      int c = e.getSource().index() - 1;
      // "He is believed to be one of dozens of officials living in London": the number is said of someone else
      boolean predicate = s.graph.outgoingEdgeList(e.getSource()).stream()
          .anyMatch(x -> x.getRelation().toString().startsWith("nsubj"));
      if (e.getRelation().toString().equals("nmod:of") && isCount(s, c) && !listOrShare(s, s.entitySpan(c)[0])
          && !predicate) {
        return c;
      }
    }
    return -1;
  }

  /**
   * "The former minister and his deputy both fled", "Uncle and nephew both fled India": two unnamed people joined by
   * "and" and told as "both" are two; 0 otherwise.
   */
  long both(SentenceView s, java.util.List<IndexedWord> args) {
    if (s.toks.stream().noneMatch(t -> t.lower().equals("both") && !s.lower(t.i() + 1).equals("of"))) {
      return 0;
    }
    long people = args.stream().map(w -> s.tok(w.index() - 1)).filter(t -> t != null && t.tag().matches("NN|NNP")
        && !t.isPerson()).map(t -> t.lemma().toLowerCase(java.util.Locale.ROOT))
        .filter(l -> lexicon.has(Lexicon.OFFICIALS, l) || lexicon.has(Lexicon.FAMILY, l)).count();
    return people == 2 ? 2 : 0;
  }

  /**
   * "Two former ministers and a deputy governor fled": the people of joined nouns added up (a numeral counts its noun,
   * a singular noun one); 0 unless every joined noun is an official or a fugitive that can be counted so ("the
   * president and his wife fled" stays one official: a relative is no official).
   */
  long joinedTotal(SentenceView s, java.util.List<IndexedWord> args) {
    if (args == null || args.size() < 2) {
      return 0;
    }
    long total = 0;
    for (IndexedWord w : args) {
      Tok t = s.tok(w.index() - 1);
      String l = t == null ? "" : t.lemma().toLowerCase(java.util.Locale.ROOT);
      if (t == null || t.isPerson() || !lexicon.has(Lexicon.OFFICIALS, l) && !lexicon.has(Lexicon.FUGITIVES, l)) {
        return 0;
      }
      Long n = null;
      for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(w)) {
        if (e.getRelation().toString().equals("nummod") && isCount(s, e.getTarget().index() - 1)) {
          n = Math.round(s.tok(s.entitySpan(e.getTarget().index() - 1)[1]).number());
        }
      }
      if (n == null && !w.tag().equals("NN")) { // the parsed tag ("a general" repaired from JJ, TagRepair)
        return 0; // "ministers and their aides": a plural with no number counts no one
      }
      total += n == null ? 1 : n;
    }
    return total;
  }

  private static final Set<String> STATES = Set.of("country", "nation", "state", "government", "jurisdiction");

  /** "Nine countries have handed over 14 fugitive officials": a subject of states gives; it is not who is counted. */
  static boolean givingStates(IndexedWord w) {
    return STATES.contains(w.lemma().toLowerCase(Locale.ROOT));
  }

  /** What is published of a group: "a list of", "the names of", "the details of". */
  private static final Set<String> PUBLISHED = Set.of("list", "details", "names", "identities", "photos", "profiles");

  /**
   * Quantity words of a group told without a count. Not "some", "a few" or "many" (too loose: "some employees might
   * have left", "many officials have fled overseas, the minister warns"), nor "hundreds" or "thousands", which sum up a
   * statistic the story counts elsewhere.
   */
  private static final Set<String> GROUP_WORDS = Set.of("several", "numerous", "dozens", "scores");

  /**
   * "several prosecutors", "a number of former ministers", "dozens of officials": a quantity word up to three words
   * before the officials' noun (with nothing but modifiers between) makes them one group with no count.
   */
  boolean vagueGroup(SentenceView s, int noun, Actor a) {
    for (int i = noun - 1; i >= Math.max(0, noun - 4); i--) {
      Tok t = s.tok(i);
      boolean aNumberOf = t.lower().equals("number") && s.lower(i - 1).equals("a") && s.lower(i + 1).equals("of");
      int start = aNumberOf ? i - 1 : i;
      if (s.lower(start - 1).equals("among") || s.lower(start - 1).equals("of") && s.lower(start - 2).equals("one")) {
        return false; // "one of dozens of former officials living in London": the one, told on its own
      }
      if (GROUP_WORDS.contains(t.lower()) || aNumberOf) {
        a.vague = true;
        a.subject = Subject.OFFICIALS;
        a.noun = s.tok(noun).lemma();
        a.text = s.span(start, noun + 1);
        a.tok = noun;
        return true;
      }
      if (!t.tag().startsWith("JJ") && !t.tag().startsWith("NN") && !t.lower().equals("of")) {
        return false;
      }
    }
    return false;
  }
}
