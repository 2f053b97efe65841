package io.flightwatch.nlp.extract;

import static io.flightwatch.nlp.extract.ActorReader.hasChild;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import io.flightwatch.common.Subject;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.Locale;

/**
 * Stage 4 (people): an ACTOR argument that is a common noun, told by its office, its count or "both".
 *
 * <pre>
 *   "Three of the former ministers fled"          count 3, officials
 *   "a director of a state bank who is hiding"     the office the clause hangs on
 *   "John Okafor, a former bank manager who fled"  the name in apposition
 *   "The couple, both former officials, fled"      count 2
 *   "several prosecutors have fled"                a group, no count
 *   "the former minister fled"                     the person named before
 * </pre>
 */
final class NounActors {

  private final Lexicon lexicon;
  private final ActorReader reader;
  private final ActorCounts counts;

  NounActors(Lexicon lexicon, ActorReader reader, ActorCounts counts) {
    this.lexicon = lexicon;
    this.reader = reader;
    this.counts = counts;
  }

  /** Reads the noun at token {@code i} into {@code a}, once names, pronouns and relatives are ruled out. */
  void read(SentenceView s, int i, References refs, Actor a) {
    Tok t = s.tok(i);
    SemanticGraph g = s.graph;
    IndexedWord node = g.getNodeByIndexSafe(i + 1);
    Subject subject = reader.subjectOf(t, null);
    if (subject == null && t.tag().startsWith("NN")) {
      for (SemanticGraphEdge e : g.incomingEdgeIterable(node)) {
        Tok holder = s.tok(e.getSource().index() - 1);
        if (e.getRelation().toString().equals("nmod:of") && reader.subjectOf(holder, null) == Subject.OFFICIALS) {
          // "a director of a state bank who, it says, has been hiding in X": the clause hung on the bank
          reader.readNode(s, holder.i(), refs, a);
          return;
        }
      }
    }
    if (subject == null && t.lemma().equals("member") && g.outgoingEdgeList(node).stream().anyMatch(e -> e.getRelation()
        .toString().equals("nmod:of") && lexicon.has(Lexicon.OFFICIAL_BODIES, e.getTarget().lemma()))) {
      subject = Subject.OFFICIALS; // "three members of the cabinet fled to Ghana"
    }
    if (subject == Subject.NON_OFFICIAL && t.tag().equals("NNS")) {
      subject = null; // "two businessmen residing in the US": business people count one by one, not as a crowd
    }
    int apposedName = subject == Subject.OFFICIALS ? Antecedents.apposedTo(s, node) : -1;
    if (apposedName >= 0) {
      reader.readNode(s, apposedName, refs, a); // "John Okafor, a former bank manager who fled"
      return;
    }
    boolean apposed = false;
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(node)) {
      String rel = e.getRelation().toString();
      Tok child = s.tok(e.getTarget().index() - 1);
      if (rel.equals("appos") && child != null && child.isPerson()) {
        // "The ex-governor, Pedro Lima, escaped"; "Two former ministers, Ana Ruiz and Luis Soto, fled": each name
        // (enhanced++ hangs every conjunct on the noun)
        reader.readNode(s, child.i(), refs, a);
        apposed = true;
      } else if (rel.equals("appos") && subject == null && !apposed
          && reader.subjectOf(child, null) == Subject.OFFICIALS
          && !t.isPerson() && !t.tag().startsWith("NNP")) {
        // "The tycoon's associate, a former executive at the state power utility, fled": the office says who
        reader.readNode(s, child.i(), refs, a);
        apposed = true;
      }
      if ((rel.equals("amod") || rel.equals("compound")) && subject == null) {
        subject = reader.subjectOf(child, null); // "the fugitive businessman"
      }
    }
    if (apposed) {
      return;
    }
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(node)) {
      String rel = e.getRelation().toString();
      int c = e.getTarget().index() - 1;
      // "Three of the former ministers fled": enhanced++ makes "Three of the" a quantifier of the noun (det:qmod)
      boolean ofGroup = ActorReader.GROUP_REFS.contains(t.lower());
      boolean count = rel.equals("nummod") || rel.equals("det:qmod") && (!t.tag().startsWith("PRP") || ofGroup);
      if (count && counts.isCount(s, c) && !counts.listOrShare(s, s.entitySpan(c)[0])) {
        counts.setCount(s, c, a);
        if (ofGroup) {
          // "Five of them fled to Canada", parsed with "them" as the subject: part of a group told before
          a.subject = Subject.FUGITIVES;
          a.ofGroupBefore = true;
          return;
        }
        a.noun = t.lemma();
        for (SemanticGraphEdge of : g.outgoingEdgeIterable(node)) {
          if (of.getRelation().toString().equals("nmod:of") && lexicon.has(Lexicon.GENERIC_PEOPLE,
              of.getTarget().lemma())) {
            a.noun = of.getTarget().lemma(); // "nine members of a baseball team": the team says who they are
          }
        }
        a.subject = subject == null ? Subject.UNSPECIFIED : subject;
        return;
      }
    }
    int above = subject != null && t.tag().equals("NNS") ? counts.countAbove(s, node) : -1;
    if (above >= 0) {
      counts.setCount(s, above, a);
      a.noun = t.lemma();
      a.subject = subject;
      return;
    }
    boolean both = t.lower().equals("both") && t.tag().equals("DT") || t.tag().equals("NNS")
        && hasChild(g, node, null, "both") && (subject != null || lexicon.has(Lexicon.PAIR_REFS, t.lemma()));
    if (both) {
      // "The couple, both former officials in Hunan, fled to New Zealand"; "Two former ministers are wanted. Both men
      // are believed to be hiding in Dubai": two, whoever the story told of
      a.count = 2L;
      a.noun = t.lemma();
      a.subject = subject != null ? subject : Subject.UNSPECIFIED;
      a.text = t.lower().equals("both") ? t.word() : "both " + t.word();
      a.tok = i;
      return;
    }
    // "boss" ends in s and is one person: plural is what the tagger or the lemma says ("officials" -> "official")
    boolean plural = t.tag().equals("NNS") || t.lower().endsWith("s")
        && !t.lower().equals(t.lemma().toLowerCase(Locale.ROOT));
    if (subject != null && plural && ShortReferences.theGroup(s, i, refs, a)) {
      return; // "... lost three more ministers. The ministers fled to Ghana": the group just counted
    }
    if (subject == Subject.OFFICIALS && plural && counts.vagueGroup(s, i, a)) {
      return; // "several prosecutors have fled Venezuela": a group, no count
    }
    if (subject != null && !plural && !t.lemma().equals("people")) {
      // "the former minister": the official named before; "a former county chief": one unnamed official
      boolean definite = hasChild(g, node, "det", "the") || hasChild(g, node, "nmod:poss", null);
      // the name right after the noun first: "the country's former finance minister Juan Perez who resides in England"
      // is Juan Perez, not the last person named before
      if (s.tok(i + 1) != null && s.tok(i + 1).isPerson()) {
        reader.readNode(s, i + 1, refs, a); // "the former bank manager Liu Qiang"
      } else if (s.lower(i + 1).equals(",") && s.tok(i + 2) != null && s.tok(i + 2).isPerson()) {
        // "a former state treasurer, Marcos Ribeiro," (the parser may miss the apposition)
        reader.readNode(s, i + 2, refs, a);
      } else if (definite && lexicon.has(Lexicon.PERSON_REFS, t.lemma()) && refs.lastBefore(s, i) != null
          && refs.fits(refs.lastBefore(s, i), t.lemma())) {
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
}
