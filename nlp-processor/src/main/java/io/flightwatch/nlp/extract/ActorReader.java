package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import io.flightwatch.common.Subject;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.List;
import java.util.Set;

/**
 * Stage 4 (people): who or how many an ACTOR argument names.
 *
 * <pre>
 *   "more than 1,000 corrupt officials fled"     count 1000, approximate, officials
 *   "Three of them were repatriated"             count 3
 *   "Lin Hao was extradited"                      person Lin Hao
 *   "He fled", "the former minister fled"         the person named before ({@link References})
 *   "Anna and Boris Petrov fled"                  two persons
 *   "a former county chief fled"                  one unnamed official
 *   "their children moved to Canada"             family: not the official's flight (no actor)
 * </pre>
 */
final class ActorReader {

  // "him" / "her": the one sent back ("France extradited him")
  static final Set<String> PRONOUNS = Set.of("he", "she", "him", "her");
  static final Set<String> GROUP_REFS = Set.of("them", "these", "those");

  private final Lexicon lexicon;
  private final ActorCounts counts;
  private final ActorFallbacks fallbacks;
  private final NounActors nouns;

  ActorReader(Lexicon lexicon) {
    this.lexicon = lexicon;
    this.counts = new ActorCounts(lexicon);
    this.fallbacks = new ActorFallbacks(lexicon, this, counts);
    this.nouns = new NounActors(lexicon, this, counts);
  }

  /** The actor from the parse's ACTOR arguments, or from the words right before the predicate; null if none. */
  Actor read(SentenceView s, List<IndexedWord> args, int pred, References refs) {
    return read(s, args, pred, refs, false);
  }

  /**
   * As {@link #read(SentenceView, List, int, References)}; with {@code objectAfter}, a name shortly after the predicate
   * is the actor when nothing else is ("police brought home from Malaysia fugitive Lin Hao", "Canada deported Lin
   * Hao").
   */
  Actor read(SentenceView s, List<IndexedWord> args, int pred, References refs, boolean objectAfter) {
    return read(s, args, pred, refs, objectAfter, false);
  }

  /**
   * As {@link #read(SentenceView, List, int, References, boolean)}; with {@code relativeFlees}, one relative is the
   * actor ("The former minister's son-in-law fled to Chile": a flight word, not "their children moved to Canada").
   */
  Actor read(SentenceView s, List<IndexedWord> args, int pred, References refs, boolean objectAfter,
      boolean relativeFlees) {
    Actor a = new Actor();
    a.relativeCounts = objectAfter || relativeFlees;
    int apposed = Antecedents.apposedName(s, pred);
    apposed = apposed >= 0 ? apposed : Antecedents.nameBeforeRelatives(s, pred, lexicon);
    if (apposed >= 0) {
      // "president Pablo Ruiz, himself a fugitive, residing in Argentina"; "John Banda, his wife and sons fled"
      readNode(s, apposed, refs, a);
      args = List.of();
    }
    if (args != null) {
      args = Antecedents.beforeClause(s, args, pred);
      // a name wins over the noun it stands beside: "A former manager of the firm, Lin Hao fled"
      for (IndexedWord w : args) {
        if (s.tok(w.index() - 1) != null && s.tok(w.index() - 1).isPerson()) {
          readNode(s, w.index() - 1, refs, a);
        }
      }
      for (IndexedWord w : args) {
        if (args.size() > 1 && ActorCounts.givingStates(w)) {
          continue; // "Nine countries have handed over 14 fugitive officials": the givers are not who was handed over
        }
        readNode(s, w.index() - 1, refs, a);
      }
    }
    List<Integer> listed = a.persons.isEmpty() ? ListedNames.of(s, args, pred, lexicon) : List.of();
    if (!listed.isEmpty() && (a.count == null || listed.size() >= 2 && listed.size() == a.count)) {
      // "Former ministers, including X, Y and Z, fled", "three former ministers - X, Y and Z - had fled": a group told
      // by its names is one claim per name
      a.count = null;
      a.singular = false;
      listed.forEach(i -> readNode(s, i, refs, a));
    }
    long unnamed = a.singular && args != null ? Math.max(args.stream().filter(w -> oneUnnamedOfficial(s, w)).count(),
        counts.both(s, args)) : 0;
    long joined = a.persons.isEmpty() && !a.family && s.graph != null ? counts.joinedTotal(s, args) : 0;
    Long others = a.persons.size() == 1 && a.count == null ? Companions.others(s, pred, lexicon, counts) : null;
    if (others != null) {
      a.count = others + 1; // "X escaped to Chad together with nine other junior lawmakers": ten
      a.persons.clear();
    }
    if (joined > (a.count == null ? 1 : a.count)) {
      a.count = joined; // "Two former ministers and a deputy governor fled": three
      a.singular = false;
    }
    if (unnamed >= 2) {
      // "The men, a former deputy head and a former manager of a state firm, had been hiding"; "X and Y both fled"
      a.count = unnamed;
      a.singular = false;
    }
    if (a.persons.isEmpty() && a.count == null && !a.family && (args != null || s.tok(pred).tag().startsWith("VB"))) {
      // a verb with no argument at all too: "a director of a bank who investigators believe is hiding in X" (a "dep")
      fallbacks.whoBefore(s, pred, refs, a);
    }
    if (a.persons.isEmpty() && a.count == null && !a.family) {
      fallbacks.relativeSwallowed(s, pred, args, refs, a);
    }
    if (a.persons.isEmpty() && a.count == null && !a.family && s.graph != null) {
      fallbacks.subjectAbove(s, pred, refs, a);
    }
    if (a.persons.isEmpty() && a.count == null && !a.family && s.graph != null) {
      fallbacks.verblessRoot(s, pred, refs, a);
    }
    if (a.persons.isEmpty() && a.count == null && !a.family && s.graph != null) {
      fallbacks.leadingName(s, pred, refs, a);
    }
    if (a.persons.isEmpty() && a.count == null && !a.family) {
      fallbacks.partition(s, pred, a);
    }
    if (a.persons.isEmpty() && a.count == null && !a.family) {
      fallbacks.directNumber(s, pred, a);
    }
    if (a.persons.isEmpty() && a.count == null && !a.family) {
      fallbacks.countedBefore(s, pred, a);
    }
    if (a.persons.isEmpty() && a.count == null && !a.family) {
      fallbacks.singular(s, pred, a);
    }
    if (objectAfter && a.persons.isEmpty() && a.count == null && !a.family) {
      for (int i = pred + 1; i < s.size() && i <= pred + 8; i++) {
        if (s.tok(i).isPerson()) {
          readNode(s, i, refs, a);
          break;
        }
        if (s.lower(i).equals(",") || s.tok(i).tag().startsWith("VB")) {
          break;
        }
      }
    }
    if (a.family && (objectAfter || relativeFlees) && !s.tok(a.tok).lower().endsWith("s")) {
      // "A son of the former tycoon was extradited": only fugitives are sent back, so a relative who is is one
      a.family = false;
      a.count = 1L;
      a.singular = true;
      a.subject = Subject.FAMILY;
      a.text = s.tok(a.tok).word();
    }
    if (a.family) {
      return null; // "their children moved to Canada": relatives' emigration is no official's flight
    }
    if (a.tok >= 0 && s.graph != null) {
      a.origin = ActorOrigin.of(s, a.tok);
    }
    return a.persons.isEmpty() && a.count == null && !a.vague ? null : a;
  }

  void readNode(SentenceView s, int i, References refs, Actor a) {
    Tok t = s.tok(i);
    if (t == null || a.count != null) {
      return;
    }
    int raised = ActorFallbacks.raisedSubject(s, i);
    if (raised >= 0) {
      readNode(s, raised, refs, a); // "Of the 22, 10 are thought to be in X", parsed with "thought" as the subject
      return;
    }
    if (t.isPerson() && PlaceReader.possessive(s, i)) {
      int owned = s.entitySpan(i)[1] + 2;
      if (owned >= s.size() || !lexicon.has(Lexicon.PREDICATE_NOUNS, s.tok(owned).lemma())) {
        // "Varela's brother-in-law fled" (the parser made the name the subject): the actor is what the name owns
        if (owned < s.size() && !s.tok(owned).isPerson()) {
          readNode(s, owned, refs, a);
        }
        return;
      }
      // "traced Okon's escape to Benin": the name owns the flight itself, so it is the actor
    }
    if (t.isPerson() && !a.relativeCounts && NamedRelatives.relativeNamed(s, i, lexicon)) {
      a.family = true; // "through his cousin Mehari Tesfu, who lives in the U.S.": a relative, named
      a.tok = s.entitySpan(i)[0] - 1;
      return;
    }
    if (t.isPerson()) {
      String p = refs.personAt(s, i);
      if (p != null && !a.persons.contains(p)) {
        a.persons.add(p);
        a.subject = Subject.OFFICIALS;
        a.tok = i;
      }
      return;
    }
    if (!a.persons.isEmpty()) {
      return;
    }
    int speaker = Speakers.firstPerson(t) ? Speakers.of(s, i) : -1;
    if (speaker >= 0) {
      readNode(s, speaker, refs, a); // '"I hid in Canada," the former minister said': I am the one who says so
      return;
    }
    if (PRONOUNS.contains(t.lower()) && Antecedents.bracketedName(s, i)) {
      readNode(s, i + 2, refs, a);
      return;
    }
    if (PRONOUNS.contains(t.lower()) || ActorFallbacks.agedReference(s, i)) {
      String p = refs.lastBefore(s, i);
      if ((refs.lastIsUnnamedOfficial() || ShortReferences.officialObject(s, i, lexicon))
          && !ActorFallbacks.personBefore(s, i)) {
        a.count = 1L; // "He was extradited home": the unnamed official of the sentences before
        a.singular = true;
        a.subject = Subject.OFFICIALS;
        a.text = t.word();
        a.tok = i;
        return;
      }
      if (p != null) {
        a.persons.add(p);
        a.subject = Subject.OFFICIALS;
        a.tok = i;
      } else {
        fallbacks.cataphora(s, i, refs, a);
      }
      return;
    }
    if (ShortReferences.latter(s, i, refs, a, lexicon)) {
      return;
    }
    if (t.lower().equals("who") && i > 1) {
      // "Ravi Mehra, who was suspended in 2020, had travelled to the UAE ...": the parser left "who" as the subject
      int j = s.lower(i - 1).equals(",") ? i - 2 : i - 1;
      j = s.tok(j).isPerson() || lexicon.has(Lexicon.OFFICIALS, s.tok(j).lemma()) ? j : Antecedents.ofWho(s, i);
      readNode(s, j, refs, a); // no one when j < 0
      return;
    }
    if (ShortReferences.they(s, i, refs, a, lexicon)) {
      return;
    }
    if (lexicon.has(Lexicon.FAMILY, t.lemma()) || lexicon.has(Lexicon.FAMILY, ActorFallbacks.inLaw(s, i))) {
      int official = NamedRelatives.officialInApposition(s, i, lexicon);
      if (official >= 0) {
        readNode(s, official, refs, a); // "his brother, former deputy premier Sok Vanna, lives in exile"
        return;
      }
      a.family = true;
      a.tok = i;
      return;
    }
    SemanticGraph g = s.graph;
    IndexedWord node = g.getNodeByIndexSafe(i + 1);
    List<String> named = fallbacks.namedBefore(s, i, refs);
    if (!named.isEmpty()) {
      a.persons.addAll(named);
      a.subject = Subject.OFFICIALS;
      a.tok = i;
      return;
    }
    if (counts.isCount(s, i) && !counts.listOrShare(s, s.entitySpan(i)[0])) {
      // "Three of them were repatriated", "Twelve are said to be in Canada"
      counts.setCount(s, i, a);
      a.subject = Subject.FUGITIVES;
      for (SemanticGraphEdge e : g.outgoingEdgeIterable(node)) {
        if (e.getRelation().toString().equals("nmod:of")) {
          Tok of = s.tok(e.getTarget().index() - 1);
          // "seven of the governor's properties were seized": things counted, not people
          a.subject = of != null && lexicon.has(Lexicon.ASSETS, of.lemma()) ? Subject.UNSPECIFIED
              : subjectOf(of, a.subject);
          a.ofGroupBefore |= of != null && GROUP_REFS.contains(of.lower());
        }
      }
      return;
    }
    nouns.read(s, i, refs, a);
  }

  Subject subjectOf(Tok t, Subject otherwise) {
    if (t == null) {
      return otherwise;
    }
    if (lexicon.has(Lexicon.OFFICIALS, t.lemma())) {
      return Subject.OFFICIALS;
    }
    if (lexicon.has(Lexicon.FUGITIVES, t.lemma())) {
      return Subject.FUGITIVES;
    }
    if (lexicon.has(Lexicon.BUSINESS_PEOPLE, t.lemma())) {
      return Subject.NON_OFFICIAL;
    }
    return otherwise;
  }

  /** "a former manager": an office with "a" or "an", one person not named. */
  private boolean oneUnnamedOfficial(SentenceView s, IndexedWord w) {
    Tok x = s.tok(w.index() - 1);
    return x != null && x.tag().equals("NN") && lexicon.has(Lexicon.OFFICIALS, x.lemma())
        && (hasChild(s.graph, w, "det", "a") || hasChild(s.graph, w, "det", "an"));
  }

  /** A child of {@code n} by {@code rel} (null: any relation) whose word is {@code word} (null: any word). */
  static boolean hasChild(SemanticGraph g, IndexedWord n, String rel, String word) {
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(n)) {
      if ((rel == null || e.getRelation().toString().equals(rel))
          && (word == null || e.getTarget().word().equalsIgnoreCase(word))) {
        return true;
      }
    }
    return false;
  }
}
