package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import io.flightwatch.common.Subject;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.List;
import java.util.Set;

/**
 * Stage 4 (people), when the parse's ACTOR arguments name no one: the actor from the words around the predicate or
 * from the clause above it.
 *
 * <pre>
 *   "Upwards of 600 corrupt officials have settled"          a counted people noun before the predicate
 *   "48 have returned", "Three of them were repatriated"     a number right before it
 *   "a former county chief has fled"                         one unnamed official
 *   "Five years after he fled, the former official was ..."  the subject of the clause above
 *   "Of the returned fugitives, 430 were former officials"   the counted part of a partition
 * </pre>
 */
final class ActorFallbacks {

  /** Nouns a known person may be called by with an age: "the 50-year-old man". */
  private static final Set<String> PERSON_NOUNS = Set.of("man", "woman");

  private static final Set<String> GLUE = Set.of("have", "has", "had", "were", "was", "been", "be", "are", "is",
      "thought", "believed", "to", "reportedly", "said", "all", "also", "already", "later", "then");

  static final Set<String> MOST = Set.of("most", "majority");
  /** Singular nouns that still stand for several people: "the pair fled". */
  private static final Set<String> COLLECTIVES = Set.of("pair", "duo", "trio");

  private final Lexicon lexicon;
  private final ActorReader reader;
  private final ActorCounts counts;
  private final Partitions partitions;

  ActorFallbacks(Lexicon lexicon, ActorReader reader, ActorCounts counts) {
    this.lexicon = lexicon;
    this.reader = reader;
    this.counts = counts;
    this.partitions = new Partitions(reader, counts);
  }

  /**
   * The passive subject of a participle that takes "to" ("10 are thought to be in X"), or the group of "most of", when
   * the parser made the participle or "most" itself an argument; -1 if {@code i} is neither.
   */
  static int raisedSubject(SentenceView s, int i) {
    boolean raised = s.tok(i).tag().equals("VBN") && s.lower(i + 1).equals("to");
    // "most of the 18 suspects are in Singapore": the whole group, its destination one of several (Destinations)
    boolean most = MOST.contains(s.lower(i)) && s.lower(i + 1).equals("of");
    if (s.graph == null || !raised && !most) {
      return -1;
    }
    for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(s.graph.getNodeByIndexSafe(i + 1))) {
      if (e.getRelation().toString().equals(raised ? "nsubj:pass" : "nmod:of")) {
        return e.getTarget().index() - 1;
      }
    }
    return -1;
  }

  /**
   * The people a definite plural or "both" stands for, named in an earlier sentence; empty if none.
   *
   * <pre>
   *   "Atul and Rajesh Mehta ... The brothers fled South Africa"                      the last group named
   *   "General A and Colonel B are on the list. Both men are believed to be in Dubai"  the last pair named
   * </pre>
   * "the pair" counts, "the 50-year-old man" does not.
   */
  List<String> namedBefore(SentenceView s, int i, References refs) {
    Tok t = s.tok(i);
    IndexedWord node = s.graph.getNodeByIndexSafe(i + 1);
    boolean several = t.tag().equals("NNS") || COLLECTIVES.contains(t.lemma());
    if (several && lexicon.has(Lexicon.PAIR_REFS, t.lemma()) && !refs.group().isEmpty()
        && ActorReader.hasChild(s.graph, node, "det", "the")) {
      return refs.group();
    }
    boolean both = t.lower().equals("both") || t.tag().equals("NNS") && ActorReader.hasChild(s.graph, node, null,
        "both") && (lexicon.has(Lexicon.PAIR_REFS, t.lemma()) || reader.subjectOf(t, null) != null);
    return both && refs.pair().size() == 2 ? refs.pair() : List.of();
  }

  /**
   * Where the parse gave no counted actor: "NUMBER [up to six modifiers] people-noun" ending at most ten words before
   * the predicate ("Upwards of 600 corrupt Peruvian officials have settled", "four officials wanted for fraud were sent
   * back").
   */
  void countedBefore(SentenceView s, int pred, Actor a) {
    for (int j = pred - 1; j >= Math.max(0, pred - 10); j--) {
      Tok n = s.tok(j);
      if (n.lower().equals(";") || lexicon.has(Lexicon.REPORTING, n.lemma()) && n.tag().startsWith("VB")) {
        return;
      }
      Subject subj = reader.subjectOf(n, null);
      if (subj == null && lexicon.has(Lexicon.GENERIC_PEOPLE, n.lemma()) && s.lower(j + 1).equals("wanted")) {
        subj = Subject.FUGITIVES; // "two people wanted for economic crimes were sent back"
      }
      if (subj == null && n.lower().equals("others") && j > 0 && counts.isCount(s, j - 1)) {
        // "Police detained 205 suspects abroad and 96 others have been persuaded to come back": the others apart
        counts.setCount(s, j - 1, a);
        a.subject = Subject.FUGITIVES;
        a.noun = n.lemma();
        return;
      }
      if (subj == null || !n.lower().endsWith("s") && !n.lemma().equals("people")) {
        continue;
      }
      int subset = -1;
      for (int i = j - 1; i >= Math.max(0, j - 7); i--) {
        Tok t = s.tok(i);
        if (counts.isCount(s, i) && !counts.listOrShare(s, s.entitySpan(i)[0])) {
          int start = counts.approxStart(s, s.entitySpan(i)[0]);
          if (subsetMarker(s, start)) {
            subset = start - 1; // "1,284 fugitives, including 312 officials, were repatriated": the group is the actor
            break;
          }
          counts.setCount(s, i, a);
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
  void whoBefore(SentenceView s, int pred, References refs, Actor a) {
    for (int i = pred - 1; i >= Math.max(1, pred - 4); i--) {
      if (!s.lower(i).equals("who")) {
        continue;
      }
      int j = s.lower(i - 1).equals(",") ? i - 2 : i - 1;
      Tok t = s.tok(j);
      if (t != null && (t.isPerson() || lexicon.has(Lexicon.OFFICIALS, t.lemma()) || t.tag().startsWith("NN"))) {
        reader.readNode(s, j, refs, a); // a thing's noun ("a director of a bank who") gives its holder or no one
      }
      if (t != null && a.persons.isEmpty() && a.count == null && t.tag().equals("NNS")) {
        heldBy(s, j, refs, a);
      }
      return;
    }
  }

  /**
   * "two former officials involved in corruption cases who had fled to Oman": the things' noun before "who" belongs
   * to the people of a participle before it, who fled.
   */
  private void heldBy(SentenceView s, int thing, References refs, Actor a) {
    boolean participle = false;
    for (int i = thing - 1; i >= Math.max(0, thing - 8); i--) {
      Tok t = s.tok(i);
      if (participle && (lexicon.has(Lexicon.OFFICIALS, t.lemma()) || lexicon.has(Lexicon.FUGITIVES, t.lemma()))) {
        reader.readNode(s, i, refs, a);
        return;
      }
      participle |= t.tag().equals("VBN");
      if (!(t.tag().startsWith("JJ") || t.tag().startsWith("NN") || t.tag().equals("VBN") || t.tag().equals("IN"))) {
        return;
      }
    }
  }

  /**
   * "A former vice president who fled to Botswana after the coup has been deported": the parser ends the relative
   * clause early and makes its last noun ("coup") the subject; the official before "who" is the one deported.
   */
  void relativeSwallowed(SentenceView s, int pred, List<IndexedWord> args, References refs, Actor a) {
    for (IndexedWord w : args == null ? List.<IndexedWord>of() : args) {
      int k = w.index() - 1;
      if (!w.tag().startsWith("NN")) {
        continue; // a year or a pronoun inside the clause is no swallowed subject
      }
      for (int i = k - 1; k < pred && i >= Math.max(1, k - 12) && !s.lower(i).equals(";"); i--) {
        if (s.lower(i).equals("who")) {
          int j = s.lower(i - 1).equals(",") ? i - 2 : i - 1;
          Tok t = s.tok(j);
          if (t != null && i < k - 1 && (t.isPerson() || lexicon.has(Lexicon.OFFICIALS, t.lemma()))) {
            reader.readNode(s, j, refs, a);
          }
          return;
        }
      }
    }
  }

  /** The official a stranded verb belongs to ({@link Predicates#strandedSubject}). */
  void verblessRoot(SentenceView s, int pred, References refs, Actor a) {
    IndexedWord noun = Predicates.strandedSubject(s, pred, lexicon);
    if (noun != null) {
      reader.readNode(s, noun.index() - 1, refs, a);
    }
  }

  /**
   * A predicate whose own subject says nothing: the subject of the clause above it. "Five years after he fled to
   * Canada, the former official was extradited" (he names no one yet), "faces a prison term from his time before
   * fleeing the country".
   */
  void subjectAbove(SentenceView s, int pred, References refs, Actor a) {
    IndexedWord node = s.graph.getNodeByIndexSafe(pred + 1);
    if (node == null || s.graph.outgoingEdgeList(node).stream()
        .anyMatch(e -> e.getRelation().toString().startsWith("nsubj")
            && !ActorReader.PRONOUNS.contains(e.getTarget().word().toLowerCase(java.util.Locale.ROOT)))) {
      return; // it has a subject of its own ("half of the officials are on the run"), just not a countable one
    }
    boolean spentIn = false;
    for (int up = 0; up < 3; up++) {
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
      // "He later spent six months in exile in South Africa": he is who spent them in exile; "He was detained in
      // Dubai after years in hiding outside the country": he is who was in hiding
      spentIn |= up == 0 && (rel.equals("obl:in") && s.tok(pred).tag().startsWith("NN")
          || rel.matches("(advcl|acl):in") && s.lower(pred).equals("hiding"));
      boolean subject = false;
      // "Former minister Gwaze and former minister Nhema remain in exile": every subject the conjunction shares
      for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(node)) {
        if (e.getRelation().toString().startsWith("nsubj")) {
          subject = true;
          Tok t = s.tok(e.getTarget().index() - 1);
          boolean crowd = t != null && t.tag().equals("NNS") && Antecedents.owned(s, pred); // "marched at his return"
          if (t != null && !crowd && (spentIn || !ActorReader.PRONOUNS.contains(t.lower())
              || Antecedents.ownedBySame(s, pred, node, t.lower()))) {
            reader.readNode(s, t.i(), refs, a);
          }
        }
      }
      if (subject) {
        return;
      }
    }
  }

  /**
   * A sentence that opens with a name and whose predicate the parser left without a subject (a long relative clause
   * in between): "Tomas Varga, who is accused of embezzling public funds, is now living in exile in Lisbon". The name
   * is the actor when no other name stands between it and the predicate.
   */
  void leadingName(SentenceView s, int pred, References refs, Actor a) {
    IndexedWord node = s.graph.getNodeByIndexSafe(pred + 1);
    if (node == null || !s.tok(0).isPerson() || s.graph.outgoingEdgeList(node).stream()
        .anyMatch(e -> e.getRelation().toString().startsWith("nsubj"))) {
      return;
    }
    int end = s.entitySpan(0)[1];
    if (!s.lower(end + 1).equals(",") || !s.lower(end + 2).startsWith("wh")) {
      return; // only a name set off by a relative clause: "Tomas Varga, who ..., is" (an apposition parses well)
    }
    for (int i = end + 1; i < pred; i++) {
      if (s.tok(i).isPerson() || s.tok(i).isPlace() && s.lower(i + 1).equals(",") && i + 2 < pred
          && s.tok(i + 2).isPerson()) {
        return;
      }
    }
    reader.readNode(s, end, refs, a);
  }

  /** "Of the returned fugitives, 430 were former officials": the counted part of a partition. */
  void partition(SentenceView s, int pred, Actor a) {
    partitions.read(s, pred, a);
  }

  /** "including 312 officials", "among them 196 officials": a part of a group named before it. */
  private static boolean subsetMarker(SentenceView s, int first) {
    String b1 = s.lower(first - 1);
    String b2 = s.lower(first - 2);
    return b1.equals("including") || (b1.equals("them") || b1.equals("whom")) && b2.equals("among");
  }

  /** "An unnamed fugitive returns", "a former county chief has fled": one unnamed person just before the predicate. */
  void singular(SentenceView s, int pred, Actor a) {
    for (int i = pred - 1; i >= Math.max(0, pred - 8); i--) {
      Tok t = s.tok(i);
      if (lexicon.has(Lexicon.REPORTING, t.lemma()) && t.tag().startsWith("VB") || t.lower().equals(",")) {
        return;
      }
      Subject subj = reader.subjectOf(t, null);
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
  void directNumber(SentenceView s, int pred, Actor a) {
    if (GroupTotals.read(s, pred, a, reader, counts)) {
      return; // "the number of colonels who defected to Egypt has risen to 40"
    }
    int i = pred - 1;
    while (i >= 0 && GLUE.contains(s.lower(i))) {
      i--;
    }
    if (i < 0 || i == pred - 1) {
      return;
    }
    boolean ofGroup = false;
    if (i - 2 >= 0 && s.lower(i - 1).equals("of") && ActorReader.GROUP_REFS.contains(s.lower(i))) {
      i -= 2;
      ofGroup = true;
    }
    if (counts.isCount(s, i) && !counts.listOrShare(s, s.entitySpan(i)[0])) {
      counts.setCount(s, i, a);
      a.subject = Subject.FUGITIVES;
      a.ofGroupBefore = ofGroup;
    }
  }

  /**
   * "Eight years after she fled to the UK, the former Nigerian minister remains abroad": a pronoun in an opening clause
   * that names no one yet stands for the official after the comma. First, "A former Peruvian minister said he had fled
   * to Chile": a pronoun that is the subject of what a reporting verb's subject says stands for that subject.
   */
  void cataphora(SentenceView s, int pronoun, References refs, Actor a) {
    int reporter = Speakers.reporterOf(s, pronoun);
    if (reporter >= 0) {
      reader.readNode(s, reporter, refs, a);
      return;
    }
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
        reader.readNode(s, i, refs, a);
        return;
      }
      if (t.tag().startsWith("VB")) {
        break;
      }
    }
    // "Eight years after she fled to the UK, ... justice may have begun to grind for Mrs. Diezani Alison-Madueke":
    // the one person the sentence names after the opening clause
    java.util.Set<Integer> named = new java.util.HashSet<>();
    for (int i = comma + 1; comma > 0 && i < s.size(); i++) {
      if (s.tok(i).isPerson()) {
        named.add(s.tok(i).entity());
      }
    }
    for (int i = comma + 1; named.size() == 1 && i < s.size(); i++) {
      if (s.tok(i).isPerson()) {
        reader.readNode(s, i, refs, a);
        return;
      }
    }
  }

  /**
   * "where the 48-year-old is believed to be hiding", "the 50-year-old man": a person known by age stands, like a
   * pronoun, for the one spoken of before.
   */
  static boolean agedReference(SentenceView s, int i) {
    int old = PERSON_NOUNS.contains(s.lower(i)) ? i - 1 : i;
    if (s.lower(old).matches("\\d+-years?-old")) {
      return s.lower(old - 1).equals("the");
    }
    return s.lower(old).equals("old") && s.lower(old - 2).matches("years?") && s.lower(old - 5).equals("the");
  }

  /** "brother - in - law" as the tokenizer may leave it, joined again ("brother-in-law"); else the word. */
  static String inLaw(SentenceView s, int i) {
    boolean split = s.lower(i + 1).equals("-") && s.lower(i + 2).equals("in") && s.lower(i + 3).equals("-")
        && s.lower(i + 4).equals("law");
    return split ? s.lower(i) + "-in-law" : s.lower(i);
  }

  /** A person named before token {@code at} in the sentence. */
  static boolean personBefore(SentenceView s, int at) {
    for (int i = at - 1; i >= 0; i--) {
      if (s.tok(i).isPerson()) {
        return true;
      }
    }
    return false;
  }
}
