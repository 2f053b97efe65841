package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.MoneyMention;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Stage 6 for recoveries: the shares of a recovered sum that name the country each came back from, as claims that
 * overlap the sum.
 *
 * <pre>
 *   "recovered Rp 4.2 trillion held abroad, Rp 1.6 trillion of it from Singapore"     Rp 1.6 trillion from SG
 *   "recoveries reached EUR 212 million, including EUR 96 million returned by Switzerland and EUR 41 million by
 *    Andorra"                                                                           EUR 96m CH, EUR 41m AD
 *   "... received $148.5 million in looted funds. Of the sum, $98 million came from Switzerland and $50.5 million
 *    from Jersey."                                                                      $98m CH, $50.5m JE
 *   "recovered $80 million from Switzerland and $20 million from Luxembourg"           $80m CH, $20m LU, side by side
 * </pre>
 * A share is an amount followed, within a few words ("of it", "came", "was returned"), by "from" or "by" and a country.
 */
final class MoneyParts {

  private static final Set<String> SOURCE_WORDS = Set.of("from", "by");
  /** Between an amount and its "from"/"by": "of it", "came", "was returned", "were sent back". */
  private static final Set<String> FILLERS = Set.of("of", "it", "this", "that", "which", "them", "came", "come",
      "was", "were", "had", "been", "returned", "repatriated", "sent", "back", "handed", "over", "alone");
  private static final Set<String> OPENERS = Set.of("sum", "total", "amount", "money", "funds", "figure", "that",
      "this", "it", "which");
  private static final int FILLER_WORDS = 4;
  private static final Set<String> ABROAD = Set.of("abroad", "overseas", "foreign", "offshore");
  /** What a country's adjective may hold or rule on money with: "from Swiss banks", "by Jersey courts". */
  private static final Set<String> HOLDERS = Set.of("bank", "account", "court", "authority");

  private MoneyParts() {
  }

  /** Adds to {@code read} the shares in {@code s} of each recovered sum read from the same sentence. */
  static void within(SentenceView s, List<Draft> read) {
    for (Draft d : List.copyOf(read)) {
      if (d.kind != ClaimKind.MONEY_RECOVERED || d.money == null || !s.money.contains(d.money)) {
        continue;
      }
      int after = s.span(d.money)[1];
      String own = d.destination == null ? sourceAfter(s, after) : null;
      if (own != null && !own.equals(d.origin)) {
        // "recovered $80 million from Switzerland and $20 million from Luxembourg": each amount with its own source,
        // two recoveries side by side, not a sum and its share
        d.destination = own;
        d.mentioned = new ArrayList<>();
        shares(s, d, after, read, false);
        continue;
      }
      shares(s, d, after, read, true);
    }
  }

  /**
   * Money hidden abroad and now given back by one country had been in that country: "The United States has returned
   * $1 million to Peru that was embezzled and hidden abroad" is also $1 million moved from PE to US.
   */
  static void placeAtGiver(List<Draft> read) {
    for (Draft d : read) {
      if (d.kind == ClaimKind.MONEY_MOVED_ABROAD && d.money != null && d.destination == null && d.mentioned.isEmpty()) {
        read.stream().filter(o -> o.kind == ClaimKind.MONEY_RECOVERED && o.money == d.money && o.destination != null
            && o.origin != null && (!d.originStated || o.origin.equals(d.origin))).findFirst().ifPresent(o -> {
              d.destination = o.destination;
              d.origin = o.origin; // the country it came home to; a currency's country is only a guess
            });
      }
    }
  }

  /**
   * The sentence after a recovery breaks its sum down by country: it opens with "Of the sum," / "Of this," and
   * produced no claim of its own.
   */
  static void after(Draft sum, SentenceView s, List<Draft> out) {
    if (sum.kind != ClaimKind.MONEY_RECOVERED || sum.money == null || s.size() < 4 || !s.lower(0).equals("of")) {
      return;
    }
    int k = s.lower(1).equals("the") ? 2 : 1;
    if (!OPENERS.contains(s.lower(k)) || !s.lower(k + 1).equals(",")) {
      return;
    }
    shares(s, sum, k + 1, out, true);
  }

  private static void shares(SentenceView s, Draft sum, int after, List<Draft> out, boolean ofTheSum) {
    for (MoneyMention m : s.money) {
      int[] sp = s.span(m);
      if (sp[0] <= after || m == sum.money || MoneyReader.previousOf(s, m) != null) {
        continue;
      }
      if (ofTheSum && sum.destination == null && sum.mentioned.isEmpty() && abroadAfter(s, sp[1])) {
        // "returned 620 billion tenge in criminal assets, of which $575 million came from foreign jurisdictions":
        // only the part from abroad was recovered from abroad
        if (out.stream().anyMatch(o -> o.money == m)) {
          out.remove(sum);
        } else {
          MoneyReader.setMoney(sum, m, s);
        }
        return;
      }
      if (out.stream().anyMatch(o -> o.money == m)) {
        continue;
      }
      String from = sourceAfter(s, sp[1]);
      if (from == null && ofTheSum && s.lower(after + 1).equals(":")) {
        from = placeIn(s, sp[1]); // "has recovered $1.3 billion: $500 million in Switzerland in 2005"
      }
      if (from == null || from.equals(sum.origin)) {
        continue;
      }
      if (ofTheSum && from.equals(sum.destination) && sourceAfter(s, after) == null) {
        // "recovered about $4 billion, including $658 million from Swiss banks": the country is the share's only
        sum.destination = null;
      }
      Draft part = sum.sibling(s, m);
      part.person = null; // a share of a recovered sum is the country's, whoever the sum was taken from
      part.destination = from;
      part.overlaps = ofTheSum ? sum : null;
      out.add(part);
    }
  }

  /** The country right after "in" following token {@code end} ("$500 million in Switzerland"), or null. */
  private static String placeIn(SentenceView s, int end) {
    if (!s.lower(end + 1).equals("in")) {
      return null;
    }
    int j = s.lower(end + 2).equals("the") ? end + 3 : end + 2;
    SentenceView.Tok t = s.tok(j);
    return t != null && t.isPlace() && !PlaceReader.possessive(s, j) ? t.iso() : null;
  }

  /** "from abroad", "from foreign jurisdictions", "from overseas" within a few filler words after {@code end}. */
  private static boolean abroadAfter(SentenceView s, int end) {
    for (int i = end + 1; i < s.size() && i <= end + 1 + FILLER_WORDS; i++) {
      if (s.lower(i).equals("from")) {
        return ABROAD.contains(s.lower(i + 1));
      }
      if (!FILLERS.contains(s.lower(i))) {
        return false;
      }
    }
    return false;
  }

  /** The country of "from X" / "by X" within a few filler words after token {@code end}, or null. */
  static String sourceAfter(SentenceView s, int end) {
    for (int i = end + 1; i < s.size() && i <= end + 1 + FILLER_WORDS; i++) {
      if (SOURCE_WORDS.contains(s.lower(i))) {
        int j = s.lower(i + 1).equals("the") ? i + 2 : i + 1;
        SentenceView.Tok t = s.tok(j);
        if (t != null && t.nationality() && HOLDERS.contains(s.tok(j + 1) == null ? "" : s.tok(j + 1).lemma())) {
          return t.iso(); // "from Swiss banks", "by Luxembourg accounts"
        }
        return t != null && t.isPlace() && !PlaceReader.possessive(s, j) ? t.iso() : null;
      }
      if (!FILLERS.contains(s.lower(i))) {
        return null;
      }
    }
    return null;
  }
}
