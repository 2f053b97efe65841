package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import java.util.Locale;
import java.util.Set;

/** Money a verb of hiding took abroad: a transfer even with no sum and no country (a vague claim). */
final class HiddenAbroad {

  private static final Set<String> SENT_ABROAD = Set.of("abroad", "overseas");
  /** Verbs that say the money was hidden as it went ("sent their children and their assets abroad" says too little). */
  private static final Set<String> HIDING_VERBS = Set.of("siphon", "launder", "smuggle", "stash", "spirit", "salt",
      "funnel", "divert");

  private HiddenAbroad() {
  }

  /**
   * "prosecutors allege he siphoned funds overseas", "money was laundered abroad": "abroad" or "overseas" says where
   * the verb itself took the money; not "funnelling bribes to their relatives overseas" nor "out of the country",
   * nor a plain "sent their children and their assets abroad".
   */
  static boolean onVerb(SentenceView s, int head) {
    IndexedWord verb = s.graph.getNodeByIndexSafe(head + 1);
    return verb != null && HIDING_VERBS.contains(verb.lemma()) && s.graph.outgoingEdgeList(verb).stream()
        .anyMatch(e -> e.getRelation().toString().equals("advmod")
            && SENT_ABROAD.contains(e.getTarget().word().toLowerCase(Locale.ROOT)));
  }
}
