package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import io.flightwatch.common.Subject;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
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

  static final class Actor {
    final List<String> persons = new ArrayList<>();
    Long count;
    String text;
    boolean approximate;
    Subject subject = Subject.UNSPECIFIED;
    boolean singular;
    boolean family;
    /** Token of the number or name, for subsets that follow it. */
    int tok = -1;
    /** The people noun a count or an unnamed actor stands on ("officials", "people"), lemma; null for names. */
    String noun;
    /** A country the actor's own words give: "Chinese officials", "Guatemala's former president". */
    String origin;
    /** "Three of them": part of a group named in an earlier sentence. */
    boolean ofGroupBefore;
  }

  private static final Set<String> PRONOUNS = Set.of("he", "she");
  private static final Set<String> PREDICATE_NOUNS = Set.of("return", "extradition", "repatriation",
      "deportation", "flight", "escape", "defection", "transfer", "arrest", "capture");
  private static final Set<String> GROUP_REFS = Set.of("them", "these", "those");
  private static final Set<String> GLUE = Set.of("have", "has", "had", "were", "was", "been", "be", "are", "is",
      "thought", "believed", "to", "reportedly", "said", "all", "also", "already", "later", "then");

  private final Lexicon lexicon;

  ActorReader(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** The actor from the parse's ACTOR arguments, or from the words right before the predicate; null if none. */
  Actor read(SentenceView s, List<IndexedWord> args, int pred, References refs) {
    return read(s, args, pred, refs, false);
  }

  /**
   * As {@link #read(SentenceView, List, int, References)}; with {@code objectAfter}, a name shortly after the predicate
   * is the actor when nothing else is ("police brought home from Malaysia fugitive Lin Hao", "Canada deported Lin Hao").
   */
  Actor read(SentenceView s, List<IndexedWord> args, int pred, References refs, boolean objectAfter) {
    Actor a = new Actor();
    if (args != null) {
      // a name wins over the noun it stands beside: "A former manager of the firm, Lin Hao fled"
      for (IndexedWord w : args) {
        if (s.tok(w.index() - 1) != null && s.tok(w.index() - 1).isPerson()) {
          readNode(s, w.index() - 1, refs, a);
        }
      }
      for (IndexedWord w : args) {
        readNode(s, w.index() - 1, refs, a);
      }
    }
    if (a.persons.isEmpty() && a.count == null && !a.family && args != null && !args.isEmpty()) {
      whoBefore(s, pred, refs, a);
    }
    if (a.persons.isEmpty() && a.count == null && !a.family && s.graph != null) {
      subjectAbove(s, pred, refs, a);
    }
    if (a.persons.isEmpty() && a.count == null && !a.family) {
      partition(s, pred, a);
    }
    if (a.persons.isEmpty() && a.count == null && !a.family) {
      directNumber(s, pred, a);
    }
    if (a.persons.isEmpty() && a.count == null && !a.family) {
      countedBefore(s, pred, a);
    }
    if (a.persons.isEmpty() && a.count == null && !a.family) {
      singular(s, pred, a);
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
    if (a.family && objectAfter && !t(s, a.tok).lower().endsWith("s")) {
      // "A son of the former tycoon was extradited": only fugitives are sent back, so a relative who is is one
      a.family = false;
      a.count = 1L;
      a.singular = true;
      a.subject = Subject.FAMILY;
      a.text = t(s, a.tok).word();
    }
    if (a.family) {
      return null; // "their children moved to Canada": relatives' emigration is no official's flight
    }
    if (a.tok >= 0 && s.graph != null) {
      a.origin = originOf(s, a.tok);
    }
    return a.persons.isEmpty() && a.count == null ? null : a;
  }

  private void readNode(SentenceView s, int i, References refs, Actor a) {
    Tok t = s.tok(i);
    if (t == null || a.count != null) {
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
    if (PRONOUNS.contains(t.lower())) {
      String p = refs.lastBefore(s, i);
      if (refs.lastIsUnnamedOfficial() && !personBefore(s, i)) {
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
        cataphora(s, i, refs, a);
      }
      return;
    }
    if (t.lower().equals("they") && !refs.group().isEmpty()) {
      a.persons.addAll(refs.group());
      a.subject = Subject.OFFICIALS;
      a.tok = i;
      return;
    }
    if (lexicon.has(Lexicon.FAMILY, t.lemma())) {
      a.family = true;
      a.tok = i;
      return;
    }
    SemanticGraph g = s.graph;
    IndexedWord node = g.getNodeByIndexSafe(i + 1);
    if (isCount(s, i) && !listOrShare(s, s.entitySpan(i)[0])) {
      // "Three of them were repatriated", "Twelve are said to be in Canada"
      setCount(s, i, a);
      a.subject = Subject.FUGITIVES;
      for (SemanticGraphEdge e : g.outgoingEdgeIterable(node)) {
        if (e.getRelation().toString().equals("nmod:of")) {
          Tok of = s.tok(e.getTarget().index() - 1);
          a.subject = subjectOf(of, a.subject);
          a.ofGroupBefore |= of != null && GROUP_REFS.contains(of.lower());
        }
      }
      return;
    }
    Subject subject = subjectOf(t, null);
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(node)) {
      String rel = e.getRelation().toString();
      Tok child = s.tok(e.getTarget().index() - 1);
      if (rel.equals("appos") && child != null && child.isPerson()) {
        readNode(s, child.i(), refs, a); // "The ex-governor, Pedro Lima, escaped"
        return;
      }
      if ((rel.equals("amod") || rel.equals("compound")) && subject == null) {
        subject = subjectOf(child, null); // "the fugitive businessman"
      }
    }
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(node)) {
      String rel = e.getRelation().toString();
      int c = e.getTarget().index() - 1;
      if (rel.equals("nummod") && isCount(s, c) && !listOrShare(s, s.entitySpan(c)[0])) {
        setCount(s, c, a);
        a.noun = t.lemma();
        a.subject = subject == null ? Subject.UNSPECIFIED : subject;
        return;
      }
    }
    if (subject != null && !t.lower().endsWith("s") && !t.tag().equals("NNS") && !t.lemma().equals("people")) {
      // "the former minister": the official named before; "a former county chief": one unnamed official
      boolean definite = hasChild(g, node, "det", "the") || hasChild(g, node, "nmod:poss", null);
      // the name right after the noun first: "the country's former finance minister Juan Perez who resides in England"
      // is Juan Perez, not the last person named before
      if (s.tok(i + 1) != null && s.tok(i + 1).isPerson()) {
        readNode(s, i + 1, refs, a); // "the former bank manager Liu Qiang"
      } else if (s.lower(i + 1).equals(",") && s.tok(i + 2) != null && s.tok(i + 2).isPerson()) {
        readNode(s, i + 2, refs, a); // "a former state treasurer, Marcos Ribeiro," (the parser may miss the apposition)
      } else if (definite && lexicon.has(Lexicon.PERSON_REFS, t.lemma()) && refs.lastBefore(s, i) != null) {
        a.persons.add(refs.lastBefore(s, i));
        a.subject = Subject.OFFICIALS;
      } else {
        a.count = 1L;
        a.singular = true;
        a.subject = subject;
        a.text = s.span(i, i + 1);
      }
      a.tok = i;
    }
  }

  private static final Set<String> NOT_OWN_WORDS = Set.of("acl", "acl:relcl", "advcl", "ccomp", "parataxis", "dep",
      "case", "punct", "conj", "conj:and", "conj:or", "nmod:from", "nmod:to", "nmod:in", "nmod:for", "nmod:with");

  /**
   * The nationality or owner country in the actor's own phrase: "a former Thai prime minister", "Guatemala's former
   * president", "Kong, one of China's most wanted fugitives"; not in a relative clause ("who fled to Mexico").
   */
  private static String originOf(SentenceView s, int tok) {
    IndexedWord root = s.graph.getNodeByIndexSafe(tok + 1);
    if (root == null) {
      return null;
    }
    List<IndexedWord> level = List.of(root);
    for (int depth = 0; depth < 4 && !level.isEmpty(); depth++) {
      List<IndexedWord> next = new ArrayList<>();
      for (IndexedWord w : level) {
        for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(w)) {
          if (NOT_OWN_WORDS.contains(e.getRelation().toString())) {
            continue;
          }
          Tok t = s.tok(e.getTarget().index() - 1);
          if (t != null && (t.nationality() || t.isPlace() && PlaceReader.possessive(s, t.i()))) {
            return t.iso();
          }
          next.add(e.getTarget());
        }
      }
      level = next;
    }
    return null;
  }

  private Subject subjectOf(Tok t, Subject otherwise) {
    if (t == null) {
      return otherwise;
    }
    if (lexicon.has(Lexicon.OFFICIALS, t.lemma())) {
      return Subject.OFFICIALS;
    }
    if (lexicon.has(Lexicon.FUGITIVES, t.lemma())) {
      return Subject.FUGITIVES;
    }
    return otherwise;
  }

  private boolean isCount(Tok t) {
    return t != null && t.number() != null && "NUMBER".equals(t.ner()) && !lexicon.has(Lexicon.VAGUE_NUMBERS, t.lower());
  }

  private boolean isCount(SentenceView s, int i) {
    Tok t = s.tok(i);
    return isCount(t) && !s.inMoney(i);
  }

  /**
   * Where the parse gave no counted actor: "NUMBER [up to six modifiers] people-noun" ending at most ten words before
   * the predicate ("Upwards of 600 corrupt Peruvian officials have settled", "four officials wanted for fraud were sent
   * back").
   */
  private void countedBefore(SentenceView s, int pred, Actor a) {
    for (int j = pred - 1; j >= Math.max(0, pred - 10); j--) {
      Tok n = s.tok(j);
      if (n.lower().equals(";") || lexicon.has(Lexicon.REPORTING, n.lemma()) && n.tag().startsWith("VB")) {
        return;
      }
      Subject subj = subjectOf(n, null);
      if (subj == null && lexicon.has(Lexicon.GENERIC_PEOPLE, n.lemma()) && s.lower(j + 1).equals("wanted")) {
        subj = Subject.FUGITIVES; // "two people wanted for economic crimes were sent back"
      }
      if (subj == null || !n.lower().endsWith("s") && !n.lemma().equals("people")) {
        continue;
      }
      int subset = -1;
      for (int i = j - 1; i >= Math.max(0, j - 7); i--) {
        Tok t = s.tok(i);
        if (isCount(s, i) && !listOrShare(s, s.entitySpan(i)[0])) {
          int start = approxStart(s, s.entitySpan(i)[0]);
          if (subsetMarker(s, start)) {
            subset = start - 1; // "1,284 fugitives, including 312 officials, were repatriated": the group is the actor
            break;
          }
          setCount(s, i, a);
          a.subject = subj;
          a.noun = n.lemma();
          return;
        }
        if (!(t.tag().startsWith("JJ") || t.tag().startsWith("NN") || t.tag().equals("VBN") || t.tag().equals("HYPH")
            || t.nationality())) {
          break;
        }
      }
      if (subset < 0) {
        return;
      }
      j = subset;
    }
  }

  /**
   * "a red notice for the former governor, who fled to Brazil": the parser hung the relative clause on the wrong noun;
   * "who" stands for the person or official right before it.
   */
  private void whoBefore(SentenceView s, int pred, References refs, Actor a) {
    for (int i = pred - 1; i >= Math.max(1, pred - 4); i--) {
      if (!s.lower(i).equals("who")) {
        continue;
      }
      int j = s.lower(i - 1).equals(",") ? i - 2 : i - 1;
      Tok t = s.tok(j);
      if (t != null && (t.isPerson() || lexicon.has(Lexicon.OFFICIALS, t.lemma()))) {
        readNode(s, j, refs, a);
      }
      return;
    }
  }

  /**
   * A predicate whose own subject says nothing: the subject of the clause above it. "Five years after he fled to
   * Canada, the former official was extradited" (he names no one yet), "faces a prison term from his time before
   * fleeing the country".
   */
  private void subjectAbove(SentenceView s, int pred, References refs, Actor a) {
    IndexedWord node = s.graph.getNodeByIndexSafe(pred + 1);
    if (node == null || s.graph.outgoingEdgeList(node).stream()
        .anyMatch(e -> e.getRelation().toString().startsWith("nsubj")
            && !PRONOUNS.contains(e.getTarget().word().toLowerCase(java.util.Locale.ROOT)))) {
      return; // it has a subject of its own ("half of the officials are on the run"), just not a countable one
    }
    for (int up = 0; up < 3 && node != null; up++) {
      IndexedWord parent = s.graph.getParent(node);
      if (parent == null) {
        return;
      }
      String rel = s.graph.reln(parent, node).toString();
      if (!(rel.startsWith("advcl") || rel.startsWith("acl") || rel.startsWith("obl") || rel.startsWith("nmod")
          || rel.equals("xcomp") || rel.equals("dep"))) {
        return; // not through "said that ...": a reporter is not the actor
      }
      node = parent;
      for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(node)) {
        if (e.getRelation().toString().startsWith("nsubj")) {
          Tok t = s.tok(e.getTarget().index() - 1);
          if (t != null && !PRONOUNS.contains(t.lower())) {
            readNode(s, t.i(), refs, a);
          }
          return;
        }
      }
    }
  }

  /**
   * "Eight years after she fled to the UK, the former Nigerian minister remains abroad": a pronoun in an opening clause
   * that names no one yet stands for the official after the comma.
   */
  private void cataphora(SentenceView s, int pronoun, References refs, Actor a) {
    int comma = -1;
    for (int i = pronoun + 1; i < s.size(); i++) {
      if (s.lower(i).equals(",")) {
        comma = i;
        break;
      }
    }
    for (int i = comma + 1; comma > 0 && i < s.size() && i <= comma + 6; i++) {
      Tok t = s.tok(i);
      if (t.isPerson() || t.tag().equals("NN") && lexicon.has(Lexicon.OFFICIALS, t.lemma())) {
        readNode(s, i, refs, a);
        return;
      }
      if (t.tag().startsWith("VB")) {
        return;
      }
    }
  }

  /** "Of the returned fugitives, 430 were former officials": the counted part after the comma. */
  private void partition(SentenceView s, int pred, Actor a) {
    if (!(s.lower(0).equals("of") || s.lower(0).equals("among"))) {
      return;
    }
    int comma = -1;
    for (int i = 1; i < s.size() && i < 12; i++) {
      if (s.lower(i).equals(",")) {
        comma = i;
        break;
      }
    }
    if (comma < pred || !isCount(s, comma + 1)) {
      return;
    }
    int end = s.entitySpan(comma + 1)[1];
    String verb = s.lower(end + 1);
    if (!(verb.equals("were") || verb.equals("are") || verb.equals("was") || verb.equals("is"))) {
      return;
    }
    for (int j = end + 2; j < s.size() && j <= end + 6; j++) {
      Subject subj = subjectOf(s.tok(j), null);
      if (subj != null) {
        setCount(s, comma + 1, a);
        a.subject = subj;
        a.noun = s.tok(j).lemma();
        return;
      }
    }
  }

  private static Tok t(SentenceView s, int i) {
    return s.tok(i);
  }

  private static boolean personBefore(SentenceView s, int at) {
    for (int i = at - 1; i >= 0; i--) {
      if (s.tok(i).isPerson()) {
        return true;
      }
    }
    return false;
  }

  /** "including 312 officials", "among them 196 officials": a part of a group named before it. */
  private static boolean subsetMarker(SentenceView s, int first) {
    String b1 = s.lower(first - 1);
    String b2 = s.lower(first - 2);
    return b1.equals("including") || (b1.equals("them") || b1.equals("whom")) && b2.equals("among");
  }

  /** "An unnamed fugitive returns", "a former county chief has fled": one unnamed person just before the predicate. */
  private void singular(SentenceView s, int pred, Actor a) {
    for (int i = pred - 1; i >= Math.max(0, pred - 8); i--) {
      Tok t = s.tok(i);
      if (lexicon.has(Lexicon.REPORTING, t.lemma()) && t.tag().startsWith("VB") || t.lower().equals(",")) {
        return;
      }
      Subject subj = subjectOf(t, null);
      if (subj != null && !t.lower().endsWith("s")) {
        for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
          String w = s.lower(k);
          if (w.equals("a") || w.equals("an") || w.equals("former") || w.equals("one")) {
            a.count = 1L;
            a.singular = true;
            a.subject = subj;
            a.text = s.span(k, i + 1);
            a.tok = i;
            return;
          }
        }
      }
    }
  }

  /** A number right before the predicate: "48 have returned", "40 thought to be hiding". */
  private void directNumber(SentenceView s, int pred, Actor a) {
    int i = pred - 1;
    while (i >= 0 && GLUE.contains(s.lower(i))) {
      i--;
    }
    if (i < 0 || i == pred - 1) {
      return;
    }
    boolean ofGroup = false;
    if (i - 2 >= 0 && s.lower(i - 1).equals("of") && GROUP_REFS.contains(s.lower(i))) {
      i -= 2;
      ofGroup = true;
    }
    if (isCount(s, i) && !listOrShare(s, s.entitySpan(i)[0])) {
      setCount(s, i, a);
      a.subject = Subject.FUGITIVES;
      a.ofGroupBefore = ofGroup;
    }
  }

  void setCount(SentenceView s, int i, Actor a) {
    int[] span = s.entitySpan(i);
    a.count = Math.round(s.tok(span[1]).number());
    int start = approxStart(s, span[0]);
    a.approximate = start < span[0];
    a.text = s.span(start, span[1] + 1);
    a.tok = span[1];
  }

  int approxStart(SentenceView s, int first) {
    if (lexicon.has(Lexicon.APPROX_TWO, s.lower(first - 2) + " " + s.lower(first - 1))) {
      return first - 2;
    }
    return lexicon.has(Lexicon.APPROX_ONE, s.lower(first - 1)) ? first - 1 : first;
  }

  /** "Interpol's 100 most wanted", "a list of the 100", "top 100", "48 out of 100": a list or a share, not a count. */
  static boolean listOrShare(SentenceView s, int first) {
    String before = s.lower(first - 1);
    String twoBefore = s.lower(first - 2);
    // "upwards of 600", "in excess of 600", "a total of 55": the number itself, not a share of a list
    // "the return of 12 fugitive officials": the number after a predicate noun is who returned, not a share
    boolean upwards = before.equals("of") && (twoBefore.equals("upwards") || twoBefore.equals("excess")
        || twoBefore.equals("total") || PREDICATE_NOUNS.contains(s.tok(first - 2) == null ? "" : s.tok(first - 2).lemma()));
    int last = s.entitySpan(first)[1];
    if (s.lower(last + 1).equals("out") && s.lower(last + 2).equals("of")) {
      return true;
    }
    if (before.equals("of") && !upwards || before.equals("top") || before.equals("'s") || before.equals("’s")
        || before.equals("to") && !s.lower(first - 2).equals("up")) {
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

  private static boolean hasChild(SemanticGraph g, IndexedWord n, String rel, String word) {
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(n)) {
      if (e.getRelation().toString().equals(rel) && (word == null || e.getTarget().word().equalsIgnoreCase(word))) {
        return true;
      }
    }
    return false;
  }
}
