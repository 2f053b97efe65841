package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Part-of-speech slips of the tagger that make the parser lose a claim's subject, repaired before the parse (only
 * the tag changes; words and offsets stay).
 *
 * <pre>
 *   "a former director hiding in Germany"          hiding NN -> VBG (a participle after its noun, before a
 *                                                  preposition)
 *   "The minister, wanted over the scandal, has"   wanted VBD -> VBN (a participle in commas before the main verb)
 *   "New Zealand harbour 31 of them"               harbour NN -> VBP (a hosting verb between a place and a number)
 *   "Figures from the ministry show that"          show NN -> VBP (a reporting verb before "that")
 *   "used US banks to launder"                     to IN -> TO (before a base verb)
 *   "with an aide to transfer about $114 million"  to IN -> TO, transfer NN -> VB (a word of
 *                                                  {@code verb-nouns.txt} before an amount or a determiner)
 *   "smuggled about Rs 1.4 billion"                about IN -> RB (after a verb, before an amount)
 *   "officials who fled in 2021 live in Istanbul"  live JJ -> VBP (before "in", after no determiner)
 *   "the 950 returned suspects"                    returned VBD -> VBN (between a determiner or number and a noun)
 *   "a minister wanted for corruption was held"    wanted VBD -> VBN (a participle of {@code participles.txt} on its
 *                                                  noun, before the main verb)
 *   "A former general, who is wanted"              general JJ -> NN (a word of {@code officials.txt},
 *   "the minister's relative fled"                 {@code family.txt} or {@code fugitives.txt} after a determiner,
 *   "X, a fugitive suspected of tax-related"       adjective or possessive, before no noun or adjective; a
 *                                                  fugitive word only before a participle)
 *   "Liu, a most wanted fugitive, returns to"    returns NNS -> VBZ (a verb of our triggers after a name or an
 *                                                  apposition, before a preposition, with no finite verb before)
 *   "shortly after arriving home from exile"       home NN -> RB (after a verb of coming home)
 *   "a 12-million-yuan embezzling case, was"     embezzling VBG -> NN (before a noun of {@code crime-cases.txt},
 *                                                  after a modifier)
 *   "Eleven officials fled", "Thirty officials"    Eleven NNP, Thirty NN -> CD (a capitalised cardinal before a
 *                                                  noun or adjective)
 *   "fled to neighbouring Ghana"                   neighbouring VBG -> JJ (after a preposition, before a name)
 * </pre>
 */
final class TagRepair {

  private static final Set<String> HOST_VERBS = Set.of("harbour", "harbor", "host", "hold", "shelter", "house");
  private static final Set<String> FINITE = Set.of("VBZ", "VBD", "VBP", "MD");
  private static final Set<String> NEIGHBOURING = Set.of("neighbouring", "neighboring", "bordering");
  private static final Set<String> HOMEWARD_VERBS = Set.of("arrive", "return", "come", "fly", "head", "travel");
  private static final Set<String> MOTION_VERBS = Set.of("returns", "flees", "escapes", "surrenders", "settles",
      "hides", "lands", "arrives", "absconds", "defects");

  private TagRepair() {}

  static void repair(CoreMap sentence) {
    List<CoreLabel> toks = sentence.get(CoreAnnotations.TokensAnnotation.class);
    for (int i = 0; i + 1 < toks.size(); i++) {
      CoreLabel t = toks.get(i);
      // the number words SentenceView reads ("Eleven", "Thirty", "Seventeen"), capitalised at a sentence start
      if (!t.tag().equals("CD") && Character.isUpperCase(t.word().charAt(0))
          && SentenceView.numeral(t.word(), "CD") != null
          && (toks.get(i + 1).tag().startsWith("NN") || toks.get(i + 1).tag().startsWith("JJ"))) {
        t.setTag("CD"); // "Eleven Peruvian officials fled": the tagger's NNP made the count a compound, not a number
      }
    }
    for (int i = 1; i + 1 < toks.size(); i++) {
      CoreLabel t = toks.get(i);
      String word = t.word().toLowerCase(Locale.ROOT);
      if (t.tag().equals("NN") && word.endsWith("ing") && word.length() > 5 && toks.get(i - 1).tag().startsWith("NN")
          && toks.get(i + 1).tag().equals("IN")) {
        t.setTag("VBG");
      } else if (t.tag().equals("VBD") && i >= 2 && toks.get(i - 1).word().equals(",")
          && toks.get(i - 2).tag().startsWith("NN") && closedBeforeVerb(toks, i + 1)) {
        t.setTag("VBN");
      } else if (t.tag().equals("NNS") && MOTION_VERBS.contains(word) && (toks.get(i - 1).word().equals(",")
          || toks.get(i - 1).tag().equals("NNP")) && toks.get(i + 1).tag().matches("IN|TO|RB|RP")
          && toks.subList(0, i).stream().noneMatch(x -> FINITE.contains(x.tag()))) {
        t.setTag("VBZ"); // "Liu, one of the most wanted fugitives, returns to the mainland": the clause's verb
      } else if (t.tag().equals("NN") && HOST_VERBS.contains(word) && toks.get(i - 1).tag().startsWith("NNP")
          && toks.get(i + 1).tag().equals("CD")) {
        t.setTag("VBP"); // "The US, Canada and New Zealand harbour 31, 17 and 9 of them"
      } else if (t.tag().startsWith("NN") && toks.get(i + 1).word().equalsIgnoreCase("that")
          && toks.get(i - 1).tag().startsWith("NN") && Lexicon.standard().has(Lexicon.REPORTING, t.lemma())) {
        t.setTag("VBP"); // "Figures from the ministry show that ..."
      } else if (word.equals("live") && (t.tag().equals("JJ") || t.tag().equals("RB"))
          && toks.get(i + 1).word().equals("in") && !toks.get(i - 1).tag().equals("DT")) {
        t.setTag("VBP"); // "About 200 officials who fled after 2021 live in Istanbul": the main verb, not "a live show"
      } else if (word.equals("home") && t.tag().startsWith("NN") && toks.get(i - 1).tag().startsWith("VB")
          && HOMEWARD_VERBS.contains(toks.get(i - 1).lemma())) {
        t.setTag("RB"); // "detained shortly after arriving home from exile": where to, not a noun the verb describes
      } else if ((word.equals("about") || word.equals("around")) && t.tag().equals("IN")
          && toks.get(i - 1).tag().startsWith("VB") && amountAhead(toks, i + 1)) {
        t.setTag("RB"); // "smuggled about Rs 1.4 billion to Dubai": a hedge on the amount, not a preposition
      } else if (word.equals("to") && t.tag().equals("IN") && toks.get(i + 1).tag().equals("VB")) {
        t.setTag("TO"); // "used US banks to launder $70 million"
      } else if (word.equals("to") && t.tag().equals("IN") && i + 2 < toks.size()
          && toks.get(i + 1).tag().equals("NN")
          && Lexicon.standard().has(Lexicon.VERB_NOUNS, toks.get(i + 1).word().toLowerCase(Locale.ROOT))
          && objectAhead(toks.get(i + 2))) {
        t.setTag("TO"); // "conspiring with an aide to transfer about $114 million": a verb, not "a transfer to"
        toks.get(i + 1).setTag("VB");
      } else if (t.tag().equals("VBD") && (toks.get(i - 1).tag().equals("DT") || toks.get(i - 1).tag().equals("CD"))
          && (toks.get(i + 1).tag().startsWith("NN") || toks.get(i + 1).tag().startsWith("JJ"))) {
        t.setTag("VBN"); // "the 950 returned suspects": a participle before its noun
      } else if (t.tag().equals("JJ") && (Lexicon.standard().has(Lexicon.OFFICIALS, word)
          || Lexicon.standard().has(Lexicon.FAMILY, word) || Lexicon.standard().has(Lexicon.FUGITIVES, word)
          && toks.get(i + 1).tag().matches("VBN|VBD"))
          && (toks.get(i - 1).tag().equals("DT") || toks.get(i - 1).tag().startsWith("JJ")
              || toks.get(i - 1).tag().equals("PRP$") || toks.get(i - 1).tag().equals("POS"))
          && !toks.get(i + 1).tag().startsWith("NN") && !toks.get(i + 1).tag().startsWith("JJ")) {
        // "A former general, who is wanted in Peru, fled": the office, not "general election"; "X, a fugitive
        // suspected of tax-related offences, came back": the person, not "a fugitive official"
        t.setTag("NN");
      } else if (t.tag().equals("VBG") && toks.get(i - 1).tag().matches("DT|JJ|CD|NN|NNP|PRP\\$|POS|HYPH|-RRB-")
          && toks.get(i + 1).tag().startsWith("NN")
          && Lexicon.standard().has(Lexicon.CRIME_CASES, toks.get(i + 1).lemma())) {
        t.setTag("NN"); // "an accountant in a 12-million-yuan (US$1.7 million) embezzling case, was repatriated"
      } else if (t.tag().equals("VBG") && NEIGHBOURING.contains(word) && toks.get(i - 1).tag().matches("IN|TO")
          && toks.get(i + 1).tag().startsWith("NNP")) {
        t.setTag("JJ"); // "fled the country to neighbouring Ghana": where to, not an infinitive "to neighbour"
      } else if (t.tag().equals("VBD") && toks.get(i - 1).tag().startsWith("NN") && toks.get(i + 1).tag().equals("IN")
          && Lexicon.standard().has(Lexicon.PARTICIPLES, word)
          && (finiteAhead(toks, i + 2) || finiteBefore(toks, i - 2))) {
        // "a former minister wanted for corruption was arrested", "Laos handed over a chairman wanted for fraud"
        t.setTag("VBN");
      }
    }
  }

  /** A number, or a currency word or sign and then a number: "1,200", "$5 million", "Rs 1.4 billion". */
  private static boolean amountAhead(List<CoreLabel> toks, int at) {
    String tag = toks.get(at).tag();
    return tag.equals("CD") || at + 1 < toks.size() && (tag.equals("$") || tag.startsWith("NN"))
        && toks.get(at + 1).tag().equals("CD");
  }

  /** An amount, a determiner, a possessive or a hedge on an amount: what a verb's object starts with. */
  private static boolean objectAhead(CoreLabel next) {
    String w = next.word().toLowerCase(Locale.ROOT);
    return next.tag().matches("\\$|CD|DT|PRP\\$|PRP") || w.equals("about") || w.equals("around")
        || w.equals("some") || w.equals("nearly");
  }

  /** A finite verb within ten words, before any comma. */
  private static boolean finiteAhead(List<CoreLabel> toks, int from) {
    for (int i = from; i < toks.size() && i < from + 10; i++) {
      if (toks.get(i).word().equals(",")) {
        return false;
      }
      if (FINITE.contains(toks.get(i).tag())) {
        return true;
      }
    }
    return false;
  }

  /** A finite verb within eight words before, with no comma between: the noun before the participle is its object. */
  private static boolean finiteBefore(List<CoreLabel> toks, int from) {
    for (int i = from; i >= 0 && i > from - 8; i--) {
      if (toks.get(i).word().equals(",")) {
        return false;
      }
      if (FINITE.contains(toks.get(i).tag()) && !toks.get(i).tag().equals("MD")) {
        return true;
      }
    }
    return false;
  }

  /** A comma within twelve words, then a finite verb within three: the participle phrase is an aside. */
  private static boolean closedBeforeVerb(List<CoreLabel> toks, int from) {
    for (int i = from; i < toks.size() && i < from + 12; i++) {
      if (toks.get(i).word().equals(",")) {
        for (int j = i + 1; j < toks.size() && j <= i + 3; j++) {
          if (FINITE.contains(toks.get(j).tag())) {
            return true;
          }
        }
        return false;
      }
      if (FINITE.contains(toks.get(i).tag())) {
        return false;
      }
    }
    return false;
  }
}
