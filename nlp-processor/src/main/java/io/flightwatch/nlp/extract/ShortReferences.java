package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import io.flightwatch.common.Subject;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 5: "the latter" and "they", read back to those just spoken of.
 *
 * <pre>
 *   "The chief, who did not name the former governor, said the latter absconded to the UK"   one unnamed governor
 *   "Police named Ana Ruiz and Luis Soto. The latter fled to Spain."                        Luis Soto
 *   "Ana Ruiz and Luis Soto were charged. They fled to Spain."                               both
 *   "Omar Haddad told reporters that Samir Aoun had arrived with his sons after they fled"     Samir Aoun
 *   "Our target is to bring back six suspects. They're all hiding in Singapore."             six suspects
 *   "Togo's president has lost three more ministers. The ministers fled to Ghana."           three ministers
 *   "Police arrested the fugitive official in Bangkok and handed him over to Vietnam"        the unnamed official
 * </pre>
 */
final class ShortReferences {

  private ShortReferences() {
  }

  /** Reads "they" at token {@code i} into {@code a}; false when the token is no such reference. */
  static boolean they(SentenceView s, int i, References refs, Actor a, Lexicon lexicon) {
    if (!s.lower(i).equals("they")) {
      return false;
    }
    List<String> here = new ArrayList<>();
    for (int j = 0; j < i; j++) {
      String person = s.tok(j).isPerson() && !speaker(s, j, lexicon) ? refs.personAt(s, j) : null;
      if (person != null && !here.contains(person)) {
        here.add(person);
      }
    }
    if (!here.isEmpty()) {
      // "The assets of Yanukovych and his cronies were frozen ... and they fled to Russia": the names of this sentence
      // before "they", not a group of the sentences before (the cronies are not counted)
      a.persons.addAll(here);
      a.subject = Subject.OFFICIALS;
      a.tok = i;
      return true;
    }
    if (!refs.group().isEmpty()) {
      a.persons.addAll(refs.group());
      a.subject = Subject.OFFICIALS;
      a.tok = i;
      return true;
    }
    return theCounted(s, i, refs, a);
  }

  /**
   * "Togo's president has lost three more ministers. The ministers fled to Ghana.": a plural office or fugitive noun
   * with "the" (the caller checks the noun) is the group just told, as "they" would be.
   */
  static boolean theGroup(SentenceView s, int i, References refs, Actor a) {
    // (names of the sentence before are read as "they" only: "the officials" may be others)
    return s.lower(i - 1).equals("the") && theCounted(s, i, refs, a);
  }

  /** The one counted group of the sentence before. */
  private static boolean theCounted(SentenceView s, int i, References refs, Actor a) {
    if (refs.counted.size() <= 0) {
      return false;
    }
    a.count = refs.counted.size();
    a.subject = refs.counted.subject();
    a.text = s.tok(i).word();
    a.tok = i;
    return true;
  }

  /**
   * The name at token {@code j} is the subject of a reporting verb: "Spokesman Omar Haddad told reporters that the
   * deputy governor, Samir Aoun, had arrived in Oman with his wife and sons after they fled": they are Aoun's party,
   * not the one who says so.
   */
  private static boolean speaker(SentenceView s, int j, Lexicon lexicon) {
    IndexedWord head = s.graph == null ? null
        : s.graph.getNodeByIndexSafe(s.entitySpan(j)[1] + 1);
    return head != null && s.graph.incomingEdgeList(head).stream().anyMatch(e -> e.getRelation().toString()
        .startsWith("nsubj") && lexicon.has(Lexicon.REPORTING, e.getGovernor().lemma()));
  }

  /**
   * "Thai police arrested the fugitive Vietnamese official in Bangkok and handed him over to Vietnam": "him" or "her"
   * after an unnamed official (one office noun, singular) of the same sentence is that official.
   */
  static boolean officialObject(SentenceView s, int i, Lexicon lexicon) {
    if (!s.lower(i).equals("him") && !s.lower(i).equals("her")) {
      return false;
    }
    for (int j = i - 1; j >= 0; j--) {
      if (s.tok(j).tag().equals("NN") && lexicon.has(Lexicon.OFFICIALS, s.tok(j).lemma())) {
        return true;
      }
    }
    return false;
  }

  /** Reads "the latter" at token {@code i} into {@code a}; false when the token is no such reference. */
  static boolean latter(SentenceView s, int i, References refs, Actor a, Lexicon lexicon) {
    if (!s.lower(i).equals("latter") || !s.lower(i - 1).equals("the")) {
      return false;
    }
    for (int j = i - 2; j >= 0; j--) {
      Tok t = s.tok(j);
      String person = t.isPerson() ? refs.personAt(s, j) : null;
      if (person != null) {
        return named(person, i, a);
      }
      if (t.tag().startsWith("NN") && lexicon.has(Lexicon.OFFICIALS, t.lemma())) {
        a.count = 1L; // the official this sentence spoke of, unnamed
        a.singular = true;
        a.subject = Subject.OFFICIALS;
        a.text = s.span(j, j + 1);
        a.tok = i;
        return true;
      }
    }
    return refs.latter() != null && named(refs.latter(), i, a);
  }

  private static boolean named(String person, int i, Actor a) {
    a.persons.add(person);
    a.subject = Subject.OFFICIALS;
    a.tok = i;
    return true;
  }
}
