package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Stage 3 (predicates): the claim predicates of a sentence and the cues that qualify them, found by the TokensRegex
 * rules of {@code triggers.rules}, with the surface checks that make a predicate no fact.
 *
 * <pre>
 *   "fled to Bangkok and later settled in Perth"         one flight predicate (coalesced)
 *   "tried to flee", "the process of extraditing him"    blocked
 *   "a campaign to hunt down 50 officials at large"      both predicates blocked (a purpose)
 *   "returned $80 million" / "returned two fugitives"    money or people decide the kind
 * </pre>
 * Not thread-safe (the TokensRegex extractor is not): one per annotator.
 */
final class Predicates {

  static final String RULES = "io/flightwatch/nlp/extract/triggers.rules";
  private static final Set<String> ACCUSING = Set.of("accuse", "charge", "suspect", "convict", "indict", "find",
      "sentence", "prosecute", "accusation", "allegation", "suspicion");
  private static final Set<String> KIND_LABELS = Set.of("FLED", "FLED_WEAK", "FLED_AT", "HOSTED", "RETURNED", "ARRIVED",
      "RETURN_AMBIG", "MOVED",
      "RECOVERED", "CAPTURED");

  /** A predicate or cue found by the rules, as a token span of its sentence. */
  record Cue(String label, int start, int end) {}

  /** The cues of one sentence: its predicates (coalesced) and whether it hedges. */
  record Found(List<Cue> all, List<Cue> predicates, boolean hedged) {

    /**
     * Whether this predicate is hedged: the sentence hedges, or "accused of" stands right before it ("accused of
     * smuggling $5 million to Dubai", not "officials accused of graft are hiding in Dubai").
     */
    boolean hedges(Cue p) {
      return hedged || all.stream().anyMatch(c -> c.label().equals("HEDGE_NEAR") && c.end() <= p.start()
          && p.start() - c.end() <= 1);
    }
  }

  private final TriggerRules rules;
  private final Lexicon lexicon;

  Predicates(Lexicon lexicon) {
    this.rules = new TriggerRules(RULES);
    this.lexicon = lexicon;
  }

  /** The cues of a sentence; {@code fugitivesBefore}: the sentence before spoke of fugitives (for FLED_AT). */
  Found find(SentenceView s, boolean fugitivesBefore) {
    List<Cue> cues = cues(s);
    boolean whereabouts = fugitivesBefore || FugitiveContext.in(s);
    // whereabouts say something only with a place after them ("are in talks" says nothing): the check saves the parse
    List<Cue> preds = coalesce(s, cues.stream().filter(c -> KIND_LABELS.contains(c.label()))
        .filter(c -> !c.label().equals("FLED_AT") || whereabouts && placeAfter(s, c.start())).toList());
    return new Found(cues, preds, cues.stream().anyMatch(c -> c.label().equals("HEDGE")));
  }

  private static boolean placeAfter(SentenceView s, int from) {
    for (int i = from; i < s.size(); i++) {
      if (s.tok(i).iso() != null || s.lower(i).equals("there")) {
        return true;
      }
    }
    return false;
  }

  /**
   * FLED_WEAK and FLED_AT ("left", "lives in") state a flight only when the sentence or the one before speaks of
   * fugitives or corruption ({@link PeopleFrame}).
   */
  static boolean needsFugitives(Cue p) {
    return p.label().equals("FLED_WEAK") || p.label().equals("FLED_AT") || p.label().equals("ARRIVED");
  }

  ClaimKind kindOf(SentenceView s, Cue p, int head) {
    return switch (p.label()) {
      case "FLED", "FLED_WEAK", "FLED_AT", "HOSTED" -> ClaimKind.OFFICIALS_FLED;
      case "RETURNED", "CAPTURED", "ARRIVED" -> ClaimKind.OFFICIALS_RETURNED;
      case "MOVED" -> StateSenders.givesBack(s, head) ? ClaimKind.MONEY_RECOVERED : ClaimKind.MONEY_MOVED_ABROAD;
      case "RECOVERED" -> ClaimKind.MONEY_RECOVERED;
      default -> strandedSubject(s, head, lexicon) == null && (FrameCues.returnsMoney(s, head, lexicon)
          || !FrameCues.returnsPerson(s, head, lexicon) && assetsNearer(s, p))
          ? ClaimKind.MONEY_RECOVERED : ClaimKind.OFFICIALS_RETURNED;
    };
  }


  /**
   * "A former official who fled to Vietnam after being accused of taking bribes returned home": the parser may find no
   * main verb and hang "returned" on "bribes" (a finite verb as a bare "acl"). Such a verb, with no subject of its own,
   * belongs to the official before it whose relative clause ran on (or who roots a verbless parse); null if none.
   */
  static edu.stanford.nlp.ling.IndexedWord strandedSubject(SentenceView s, int head, Lexicon lexicon) {
    edu.stanford.nlp.ling.IndexedWord node = s.graph == null ? null : s.graph.getNodeByIndexSafe(head + 1);
    if (node == null || !node.tag().equals("VBD") && !node.tag().equals("VBN")) {
      return null;
    }
    // "who fled ... over the alleged theft of more than EUR 2 million in council funds was returned to Ireland": the
    // parser may make the sum the subject of a verb it hangs on the crime's noun ("acl:of")
    boolean onANoun = s.graph.incomingEdgeList(node).stream().map(e -> e.getRelation().toString())
        .anyMatch(rel -> rel.equals("acl") || rel.startsWith("acl:") && !rel.equals("acl:relcl"));
    boolean ownSubject = s.graph.outgoingEdgeList(node).stream()
        .anyMatch(e -> e.getRelation().toString().startsWith("nsubj") && !(onANoun && isAmount(s, e.getTarget())));
    edu.stanford.nlp.ling.IndexedWord root = s.graph.getFirstRoot();
    boolean stranded = node.equals(root) || onANoun;
    if (ownSubject || !stranded && (root == null || !root.tag().startsWith("NN") || !node.tag().equals("VBD"))) {
      return null;
    }
    edu.stanford.nlp.ling.IndexedWord best = null;
    for (edu.stanford.nlp.ling.IndexedWord w : s.graph.vertexSet()) {
      boolean person = lexicon.has(Lexicon.OFFICIALS, w.lemma()) || lexicon.has(Lexicon.FUGITIVES, w.lemma());
      boolean ranOn = w.equals(root) || s.graph.outgoingEdgeList(w).stream()
          .anyMatch(e -> e.getRelation().toString().equals("acl:relcl") && e.getTarget().index() < node.index());
      if (person && ranOn && w.tag().startsWith("NN") && w.index() < node.index()
          && (best == null || w.index() > best.index())) {
        best = w;
      }
    }
    return best;
  }

  private static boolean isAmount(SentenceView s, edu.stanford.nlp.ling.IndexedWord w) {
    return s.inMoney(w.index() - 1) || "MONEY".equals(w.ner());
  }

  /** The token that carries the predicate: its first verb, else its first noun, else its first token. */
  static int head(SentenceView s, Cue p) {
    if (p.end() - p.start() == 1 && s.tok(p.start()).tag().equals("IN") && s.graph != null) {
      // "is believed to be in Canada": the verb above the place ("in" is the place's case marker)
      edu.stanford.nlp.ling.IndexedWord in = s.graph.getNodeByIndexSafe(p.start() + 1);
      edu.stanford.nlp.ling.IndexedWord place = in == null ? null : s.graph.getParent(in);
      edu.stanford.nlp.ling.IndexedWord verb = place == null ? null : s.graph.getParent(place);
      String rel = verb == null ? "" : s.graph.reln(verb, place).toString();
      if (verb != null && s.tok(verb.index() - 1) != null && (rel.equals("xcomp") || rel.startsWith("obl"))) {
        // "is believed to be in Canada" (xcomp), "now based in London", "remains in Dubai" (an oblique of the verb)
        return verb.index() - 1;
      }
      if (place != null) {
        return place.index() - 1; // "40 officials are in the United States": the place is the clause's head
      }
    }
    for (int i = p.start(); i < p.end(); i++) {
      if (s.tok(i).tag().startsWith("VB")) {
        return i;
      }
    }
    for (int i = p.start(); i < p.end(); i++) {
      if (s.tok(i).tag().startsWith("NN")) {
        return i;
      }
    }
    return p.start();
  }

  private List<Cue> cues(SentenceView s) {
    List<Cue> out = new ArrayList<>();
    for (MatchedExpression m : rules.matches(s.map)) {
      Object v = m.getValue() == null ? null : m.getValue().get();
      if (v == null) {
        continue;
      }
      int a = s.tokenAt(m.getCharOffsets().first());
      int b = s.tokenAt(m.getCharOffsets().second() - 1) + 1;
      out.add(new Cue(moneyHidden(s, v.toString(), a, b) ? "MOVED" : v.toString(), a, b));
    }
    out.sort(Comparator.comparingInt(Cue::start));
    return out;
  }

  private static final Set<String> HIDE = Set.of("hid", "hide", "hides", "hiding", "hidden");
  private static final Set<String> AMOUNT_HEDGES = Set.of("about", "some", "around", "over", "nearly", "an",
      "estimated", "more", "than", "at", "least", "up", "to", "almost", "roughly");

  /**
   * "hid about 12 million soles in accounts in Panama": hiding money, not hiding from the law, for amounts the rules'
   * MONEY entity misses (the money module reads more currencies than the NER does).
   */
  private static boolean moneyHidden(SentenceView s, String label, int a, int b) {
    if (!label.equals("FLED") || b - a != 1 || !HIDE.contains(s.lower(a))) {
      return false;
    }
    int j = b;
    while (j < s.size() && AMOUNT_HEDGES.contains(s.lower(j))) {
      j++;
    }
    return j < s.size() && s.inMoney(j);
  }

  /** "fled to Bangkok and settled in Perth": flight predicates a few words apart are one predicate. */
  private static List<Cue> coalesce(SentenceView s, List<Cue> preds) {
    List<Cue> out = new ArrayList<>();
    for (Cue c : preds) {
      Cue prev = out.isEmpty() ? null : out.get(out.size() - 1);
      if (prev != null && prev.label().startsWith("FLED") && c.label().startsWith("FLED")
          && c.start() - prev.end() <= 8 && !newSubject(s, prev.end(), c.start())) {
        String label = prev.label().equals("FLED") || c.label().equals("FLED") ? "FLED" : "FLED_WEAK";
        out.set(out.size() - 1, new Cue(label, prev.start(), c.end()));
      } else {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * "three attaches have gone on the run, including two who fled from Greece to Italy": a part or a relative clause
   * between two flight words gives the second one a subject of its own.
   */
  private static boolean newSubject(SentenceView s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.lower(i).equals("including") || s.lower(i).equals("who") || s.lower(i).equals("while")) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> BE_FORMS = Set.of("is", "was", "are", "were");
  /** Words before a predicate noun that put the act in the future: "until his return", "pending extradition". */
  private static final Set<String> AWAITING = Set.of("until", "pending", "awaiting", "await");

  /**
   * Negated, intended, prevented or purpose-only predicates state no fact (surface check; the parse adds NEG/BLOCK).
   */
  static boolean blocked(SentenceView s, Cue p, List<Cue> cues) {
    for (Cue c : cues) {
      if ((c.label().equals("NEGATION") || c.label().equals("INTENT") || c.label().equals("MODAL"))
          && c.start() < p.start() && p.start() - c.end() <= 2) {
        return true;
      }
    }
    String prev = s.lower(p.start() - 1);
    Tok first = s.tok(p.start());
    Tok before = s.tok(p.start() - 2);
    if ((prev.equals("of") || prev.equals("in") || prev.equals("for") || prev.equals("on"))
        && first.tag().equals("VBG") && before != null && before.tag().startsWith("NN") && !accusedOf(s,
            p.start() - 1) && !(prev.equals("in") && first.lower().equals("hiding"))) {
      return true; // "the process of extraditing X": an activity, not an event; "years in hiding" is a state
    }
    if (prev.equals("from") && first.lower().endsWith("ing")) {
      return true; // "stop officials from fleeing"
    }
    if (prev.equals("in") && first.tag().equals("VBG") && before != null && before.tag().equals("VB")
        && (before.lemma().equals("assist") || before.lemma().equals("help"))) {
      return true; // "asked the Swiss authorities to assist in recovering $2.2 billion": help asked for, not given
    }
    if (FrameCues.tripsEnd(s, p) || FrameCues.roadNotTaken(s, p) || FrameCues.notFromAbroad(s, p)
        || FrameCues.gerundSubjectOfModal(s, p) || FrameCues.nearing(s, p)) {
      return true;
    }
    if (first.tag().equals("VB") && BE_FORMS.contains(prev)) {
      return true; // "what Kenya must do is return him": a base form after "is" names a task, not an event
    }
    Tok last = s.tok(p.start() - 1);
    String det = last != null && last.tag().matches("PRP\\$|DT") ? s.lower(p.start() - 2) : prev;
    if (first.tag().startsWith("NN") && AWAITING.contains(det)) {
      return true; // "held in custody until his return to Ghana", "pending extradition": not yet done
    }
    if (prev.equals("be") && s.lower(p.start() - 2).equals("to") && first.tag().equals("VBN")) {
      Tok governor = s.tok(p.start() - 3);
      if (governor == null || !governor.tag().startsWith("VB") && !governor.tag().equals("MD")
          || BE_FORMS.contains(governor.lower())) {
        // "ex-minister arrested in US, to be deported", "due to be extradited", "two officials are to be extradited":
        // not yet done
        return true;
      }
    }
    int to = p.start() - 1;
    if (prev.equals("and") && first.tag().equals("VB")) {
      // "efforts to locate and extradite him": the second infinitive shares the first one's "to"
      to = -1;
      for (int i = p.start() - 2; i >= Math.max(0, p.start() - 5); i--) {
        if (s.lower(i).equals("to")) {
          to = i;
          break;
        }
      }
    }
    Tok beforeTo = s.tok(to - 1);
    if (usedTo(s, p.start()) || completesVerb(s, p.start())) {
      // "used US banks to launder $70 million": the means of an act that happened; "decided out of fear to hide in
      // Spain": the infinitive completes a verb, whose own word decides (a BLOCK role for "tried to", "planned to")
      return false;
    }
    // "returned in 2016, only to flee again": "only to" tells what came of it, not an aim
    return to >= 0 && s.lower(to).equals("to") && first.tag().equals("VB") && beforeTo != null
        && !beforeTo.tag().startsWith("VB") && !beforeTo.tag().equals("MD") && !beforeTo.lower().equals("only");
  }

  /** "accused a bank in Andorra of laundering": the charge names an act (hedged elsewhere), not an activity. */
  private static boolean accusedOf(SentenceView s, int of) {
    for (int i = of - 1; i >= Math.max(0, of - 7); i--) {
      if (ACCUSING.contains(s.tok(i).lemma())) {
        // "who was in charge of repatriating criminals": an office, not a charge
        return !(i == of - 1 && s.lower(i).equals("charge") && s.lower(i - 1).equals("in"));
      }
    }
    return false;
  }

  /** Verbs whose infinitive happened ("decided to hide"); "went there to escape the heat" is only an aim. */
  private static final Set<String> COMPLETED = Set.of("decide", "choose", "manage", "opt", "elect", "resolve");

  private static boolean completesVerb(SentenceView s, int i) {
    edu.stanford.nlp.ling.IndexedWord node = s.graph == null ? null : s.graph.getNodeByIndexSafe(i + 1);
    edu.stanford.nlp.ling.IndexedWord parent = node == null ? null : s.graph.getParent(node);
    return parent != null && COMPLETED.contains(parent.lemma())
        && s.graph.reln(parent, node).toString().equals("xcomp");
  }

  private static boolean usedTo(SentenceView s, int i) {
    if (s.graph == null || s.graph.getNodeByIndexSafe(i + 1) == null) {
      return false;
    }
    edu.stanford.nlp.ling.IndexedWord parent = s.graph.getParent(s.graph.getNodeByIndexSafe(i + 1));
    return parent != null && Set.of("use", "utilise", "utilize").contains(parent.lemma());
  }

  /** A predicate within a few words after a blocked one, with no clause break between, shares its fate. */
  static boolean continuesBlocked(SentenceView s, Cue blocked, Cue p) {
    if (blocked == null || p.start() - blocked.end() > 8) {
      return false;
    }
    for (int i = blocked.end(); i < p.start(); i++) {
      String w = s.lower(i);
      if (w.equals(",") || w.equals(";") || w.equals("but") || w.equals("and") || w.equals("after")
          || w.equals("before") || w.equals("when") || w.equals("that") || w.equals("which") || w.equals("who")) {
        return false;
      }
      if (SUBJECT_PRONOUNS.contains(w) && s.tok(i + 1) != null && s.tok(i + 1).tag().matches("VB[DZP]")) {
        return false; // "trying to recover $2 billion it says has been hidden abroad": a clause of its own
      }
    }
    return true;
  }

  private static final Set<String> SUBJECT_PRONOUNS = Set.of("it", "he", "she", "they", "we", "i");

  /** For "return"/"repatriate": money or an asset noun closer to the predicate than any person or people noun. */
  private boolean assetsNearer(SentenceView s, Cue p) {
    int assetDist = Integer.MAX_VALUE;
    int personDist = Integer.MAX_VALUE;
    for (int i = Math.max(0, p.start() - 12); i < Math.min(s.size(), p.end() + 8); i++) {
      Tok t = s.tok(i);
      int dist = i < p.start() ? p.start() - i : i - p.end() + 1;
      // the money module reads currencies the NER does not tag ("KD 3.1 million", "3.1 million Kenyan shillings")
      boolean isMoney = lexicon.has(Lexicon.ASSETS, t.lemma()) || "MONEY".equals(t.ner()) || s.inMoney(i);
      if (isMoney) {
        assetDist = Math.min(assetDist, dist);
      }
      String next = s.lower(i + 1);
      boolean owner = next.equals("'s") || next.equals("’s") || next.equals("'")
          || next.equals("’"); // "Montesinos’ money"
      if (!owner && (t.isPerson() || t.lower().equals("he") || t.lower().equals("she") || t.lower().equals("they")
          || lexicon.has(Lexicon.OFFICIALS, t.lemma()) || lexicon.has(Lexicon.FUGITIVES, t.lemma()))) {
        personDist = Math.min(personDist, dist);
      }
    }
    return assetDist < personDist;
  }

  /**
   * A word of flight in the sentence ("who fled to Vietnam ... returned home", "who had been on the run for three
   * years was returned to Jakarta", "in hiding", "in exile").
   */
  static boolean fledIn(SentenceView s) {
    for (Tok t : s.toks) {
      if (FLIGHT_LEMMAS.contains(t.lemma()) || t.lower().equals("hiding") || t.lower().startsWith("exile")
          || t.lower().equals("run") && s.lower(t.i() - 1).equals("the") && s.lower(t.i() - 2).equals("on")) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.Set<String> FLIGHT_LEMMAS = java.util.Set.of("flee", "abscond", "escape");

  /**
   * A flight word not about refugees: "Dozens of party leaders fled" makes the next sentence a fugitive's, "thousands
   * of refugees fled the fighting" and "120,000 nationals fled to Nepal" do not.
   */
  static boolean officialsFlight(SentenceView s, Found f, Lexicon lexicon) {
    if (f.predicates().stream().noneMatch(c -> c.label().equals("FLED"))) {
      return false;
    }
    for (int i = 0; i < s.size(); i++) {
      String lemma = s.tok(i).lemma();
      if (lexicon.has(Lexicon.DISPLACED_PEOPLE, lemma) || lexicon.has(Lexicon.HAZARDS, lemma)
          || lexicon.has(Lexicon.GENERIC_PEOPLE, lemma)) {
        return false;
      }
    }
    return true;
  }
}
