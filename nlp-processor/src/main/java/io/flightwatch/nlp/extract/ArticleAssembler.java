package io.flightwatch.nlp.extract;

import io.flightwatch.common.Article;
import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKeys;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.MoneyMention;
import io.flightwatch.common.Outlets;
import io.flightwatch.common.Subject;
import io.flightwatch.common.TextFingerprint;
import io.flightwatch.nlp.text.Normalized;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 7: an article's drafts become its claims. One fact is one claim (a figure repeated in headline and body keeps
 * the most specific wording); a person's return inherits the country they were said to flee to; a vague amount gives
 * way to a precise one; subsets and breakdowns point at what contains them ({@code overlapsWith}).
 *
 * <pre>
 *   headline "Ex-mayor flees to Canada" + body "Lin Hao, the former mayor, fled to Canada in May"   one claim (Lin Hao)
 *   "Lin Hao fled to Canada." ... "Lin Hao was extradited last week."                             return from CA
 * </pre>
 */
final class ArticleAssembler {

  /** A line this short may be a headline that rounds the body's sum. */
  private static final int HEADLINE_TOKENS = 12;

  static final String PERIODS = "/io/flightwatch/nlp/extract/periods.regex";

  private final Pattern period;
  private final Pattern cumulative;
  private final PeriodReader periods = new PeriodReader();
  private final MoneyFinder money;

  ArticleAssembler(MoneyFinder money) {
    this.money = money;
    Map<String, Pattern> p = loadPatterns();
    this.period = p.get("PERIOD");
    this.cumulative = p.get("CUMULATIVE");
  }

  List<Claim> assemble(List<Draft> drafts, Normalized text, Article article) {
    return toClaims(merge(drafts), text, article);
  }

  /** The least count a loosely told group ("dozens of", "several") may stand for. */
  private static final long LOOSE_GROUP = 10;

  static List<Draft> merge(List<Draft> input) {
    List<Draft> drafts = new ArrayList<>(input);
    // "Guatemala extradites its ex-leader to the US": an extradition away from the person's home is no return home
    drafts.removeIf(d -> d.kind == ClaimKind.OFFICIALS_RETURNED && d.originFromHome && d.person != null
        && drafts.stream().anyMatch(f -> f.kind == ClaimKind.OFFICIALS_FLED && f.person != null && f.originStated
        && SameFacts.samePerson(f.person, d.person) && !f.origin.equals(d.origin)));
    // "Ex-premier flees to UK from Qatar" (headline), "the former Ghanaian prime minister, has asked for asylum in
    // Britain": the home the person's own words give, not the country the flight left
    for (Draft d : drafts) {
      if (d.person != null && d.originStated && d.actorOrigin == null && d.kind == ClaimKind.OFFICIALS_FLED) {
        drafts.stream().filter(o -> o.person != null && o.actorOrigin != null
            && SameFacts.samePerson(o.person, d.person) && !o.actorOrigin.equals(d.origin)
            && !o.actorOrigin.equals(d.destination)).findFirst().ifPresent(o -> d.origin = o.actorOrigin);
      }
    }
    // a person's home, once stated ("the former Thai prime minister"), holds for all their claims
    for (Draft d : drafts) {
      if (d.person != null && !d.originStated) {
        drafts.stream().filter(o -> o.originStated && o.person != null && SameFacts.samePerson(o.person, d.person)
            && !o.origin.equals(d.destination)).findFirst().ifPresent(o -> d.origin = o.origin);
      }
    }
    // a return with no country comes from where the person was said to flee, unless another return says where
    for (Draft d : drafts) {
      if (d.kind == ClaimKind.OFFICIALS_RETURNED && d.person != null && d.destination == null && d.mentioned.isEmpty()
          && drafts.stream().noneMatch(o -> o.kind == ClaimKind.OFFICIALS_RETURNED && o.destination != null
          && o.person != null && SameFacts.samePerson(o.person, d.person))) {
        drafts.stream().filter(f -> f.kind == ClaimKind.OFFICIALS_FLED && f.person != null && f.destination != null
            && SameFacts.samePerson(f.person, d.person) && !f.destination.equals(d.origin)).findFirst().ifPresent(f -> {
              d.destination = f.destination;
              d.confidence -= 0.1;
            });
      }
    }
    RecoveredSources.fromTheSentence(drafts);
    RecoveredSources.fromTheStory(drafts);
    // "Dozens of officials have fled" beside "180 officials fled abroad": the uncounted group is the counted one told
    // loosely (not beside "She flew to Colombia with her husband and an aide": three others)
    drafts.removeIf(d -> !d.kind.isMoney() && d.count == null && d.person == null && drafts.stream().anyMatch(o ->
        o != d && o.kind == d.kind && o.person == null && o.count != null && o.count >= LOOSE_GROUP
        && (d.origin == null || o.origin == null || d.origin.equals(o.origin))));
    // "A former chief fled to Costa Rica. He was extradited home.": one unnamed official's return and flight
    List<Draft> unnamedFlights = drafts.stream().filter(f -> f.kind == ClaimKind.OFFICIALS_FLED && f.person == null
        && f.singular).toList();
    if (unnamedFlights.size() == 1) {
      Draft f = unnamedFlights.get(0);
      for (Draft d : drafts) {
        if (d.kind == ClaimKind.OFFICIALS_RETURNED && d.person == null && d.singular
            && d.sentence.index > f.sentence.index
            && d.destination == null && d.mentioned.isEmpty() && f.destination != null
            && (!d.originStated || !f.destination.equals(d.origin))) {
          d.destination = f.destination;
          if (!d.originStated && f.origin != null) {
            d.origin = f.origin; // the guess for the return may have been where they fled to
          }
        }
      }
    }
    // "Lin Guoqiang returned to China ... A former shipyard director, Lin fled to Malaysia in 2013": the one named
    // returnee is the one unnamed runaway when the flight's sentence holds a word of the name
    List<Draft> namedReturns = drafts.stream().filter(d -> d.kind == ClaimKind.OFFICIALS_RETURNED && d.person != null)
        .toList();
    if (unnamedFlights.size() == 1 && unnamedFlights.get(0).destination != null && namedReturns.stream()
        .map(d -> ClaimKeys.normaliseName(d.person)).distinct().count() == 1) {
      Draft f = unnamedFlights.get(0);
      String person = namedReturns.get(0).person;
      if (mentionsName(f.sentence, person) && drafts.stream().noneMatch(o -> o.kind == ClaimKind.OFFICIALS_FLED
          && o.person != null && SameFacts.samePerson(o.person, person))) {
        f.person = person;
        for (Draft d : namedReturns) {
          if (d.destination == null && d.mentioned.isEmpty() && !f.destination.equals(d.origin)) {
            d.destination = f.destination;
          }
        }
      }
    }
    // "18,000 officials fled abroad, taking 800 billion yuan with them": people with no stated home share the home the
    // currency of the money they took gives
    for (Draft d : drafts) {
      if (!d.kind.isMoney() && d.origin == null) {
        drafts.stream().filter(m -> m.kind == ClaimKind.MONEY_MOVED_ABROAD && m.sentence == d.sentence
            && m.origin != null && !m.origin.equals(d.destination)).findFirst().ifPresent(m -> d.origin = m.origin);
      }
    }
    // "48 have returned from the U.S. ... Three of them were repatriated": the part inherits the group's country
    for (Draft d : drafts) {
      if (d.ofGroupBefore && d.destination == null && d.mentioned.isEmpty()) {
        drafts.stream().filter(g -> g.sentence.index < d.sentence.index && d.sentence.index - g.sentence.index <= 2
            && g.count != null && g.count > d.count && g.person == null && !g.kind.isMoney()
            && g.destination != null).reduce((a, b) -> b).ifPresent(g -> {
              d.destination = g.destination;
              d.overlaps = g;
              if (!d.originStated && g.origin != null) {
                d.origin = g.origin;
              }
            });
      }
    }
    // "the president, who fled to Mexico, was extradited home": a return in the sentence of a flight comes from there
    for (Draft d : drafts) {
      if (d.kind == ClaimKind.OFFICIALS_RETURNED && d.destination == null && d.mentioned.isEmpty()) {
        drafts.stream().filter(f -> f.kind == ClaimKind.OFFICIALS_FLED && f.sentence == d.sentence
            && f.destination != null && Objects.equals(f.person, d.person))
            .findFirst().ifPresent(f -> {
              d.destination = f.destination;
              d.origin = f.origin; // the guess for the return may have been the flight's destination
            });
      }
    }
    List<Draft> out = new ArrayList<>();
    for (Draft d : drafts) {
      Draft same = out.stream().filter(o -> SameFacts.sameFact(o, d)).findFirst().orElse(null);
      if (same == null) {
        out.add(d);
      } else if (specificity(d) > specificity(same)) {
        d.mentioned = union(d.mentioned, same.mentioned);
        out.set(out.indexOf(same), d);
        redirect(drafts, same, d);
      } else {
        same.mentioned = union(same.mentioned, d.mentioned);
        redirect(drafts, d, same);
      }
    }
    // "... £5 million was handed back by British authorities. The money, handed over to two officials, was lodged in
    // ...": a later sentence that takes its amount from an earlier one tells the same fact again (unless it alone
    // says where the money was: "The money returned to Tunisia had been in a Lebanese bank account")
    out.removeIf(d -> d.kind.isMoney() && d.money != null && out.stream().anyMatch(o -> o != d && o.kind == d.kind
        && o.money == d.money && o.sentence != d.sentence && out.indexOf(o) < out.indexOf(d)
        && (o.destination != null || !o.mentioned.isEmpty() || d.destination == null && d.mentioned.isEmpty())));
    // a person's claim without destination gives way to one with: "He has fled the country" and "Germany, where he is
    // believed to be hiding" tell one flight; a flight dated by its year stays beside a later belief ("In 2009 he fled
    // the inquiry" and "he appeared to be living in Peru": the flight then and where he is said to be now)
    out.removeAll(out.stream().filter(d -> d.person != null && d.destination == null && d.mentioned.isEmpty()
        && !againAfterReturn(d, out)
        && out.stream().anyMatch(o -> o != d && o.kind == d.kind && o.person != null && o.destination != null
        && SameFacts.samePerson(o.person, d.person) && (d.hedged || !o.hedged || !datedYear(d.sentence))))
        .toList());
    // "Ex-premier in exile" (headline), "The former prime minister has lived in exile in Dubai" in a story that names
    // no other country: the headline's guessed home is where the body says the same runaway went
    out.removeIf(d -> !d.kind.isMoney() && d.destination == null && d.mentioned.isEmpty() && !d.originStated
        && d.origin != null && out.stream().anyMatch(o -> o != d && o.kind == d.kind && d.origin.equals(o.destination)
        && (d.person == null ? o.person == null && Objects.equals(o.count, d.count)
            : o.person != null && SameFacts.samePerson(o.person, d.person))));
    // "China brings back two fugitives from Laos" (headline), "Two fugitive officials were brought back to China": one
    // group told twice, the country once; "Two former ministers who fled the country are believed to be hiding in
    // Britain": a flight and a whereabouts of one group in one sentence
    out.removeIf(d -> !d.kind.isMoney() && d.person == null && d.count != null && d.count >= 2 && d.destination == null
        && d.mentioned.isEmpty() && out.stream().anyMatch(o -> o != d && o.kind == d.kind && o.person == null
        && d.count.equals(o.count) && o.destination != null
        && (d.origin == null || d.origin.equals(o.origin) || d.sentence == o.sentence)));
    // a vague amount gives way to a precise amount of the same kind and destination
    out.removeIf(d -> d.kind.isMoney() && d.vagueMoney && out.stream().anyMatch(o -> o != d && o.kind == d.kind
        && !o.vagueMoney && Objects.equals(o.destination, d.destination)));
    // "Ex-governor sent $12 million offshore" (headline), "... wired $12 million to accounts in Panama": one sum, the
    // place the body gives
    // "U.S. returns $460 mln" (headline), "... has returned 1.9 billion ringgit ($460.22 million)": the same sum
    // rounded
    out.removeIf(d -> d.kind.isMoney() && d.destination == null && d.mentioned.isEmpty() && out.stream()
        .anyMatch(o -> o != d && o.kind == d.kind && o.destination != null
            && (SameFacts.sameSum(o, d) || SameFacts.nearSum(o, d))));
    // "£17m recovered from Marcos accounts" (a headline), "... has recovered more than 29 million dollars (£17.6m) from
    // the Swiss accounts": a short line's rounded sum before the body's, the place the body gives
    out.removeIf(d -> d.kind.isMoney() && d.destination == null && d.mentioned.isEmpty()
        && d.sentence.size() <= HEADLINE_TOKENS && out.stream().anyMatch(o -> o != d && o.kind == d.kind
            && o.destination != null && o.sentence.index > d.sentence.index && SameFacts.roundedSum(o, d)));
    // "transferred $900,000 to an account at Guaranty Trust Bank Liberia" in a story whose country is unknown: the
    // bank may be at home
    out.removeIf(d -> d.bankPlaced && d.origin == null);
    UnsizedTransfers.join(out);
    UnnamedPersons.fold(out);
    WantedLists.fold(out, Lexicon.standard());
    returnFromTheOneFlight(out);
    return out;
  }

  /**
   * "A former mayor slipped out ... and settled in Malaysia. Teodoro Reyes was deported back to Manila": the one named
   * returnee with no country comes from where the article's one runaway went, when every single runaway went there.
   */
  private static void returnFromTheOneFlight(List<Draft> out) {
    List<Draft> returns = out.stream().filter(d -> d.kind == ClaimKind.OFFICIALS_RETURNED && d.person != null).toList();
    if (returns.stream().map(d -> ClaimKeys.normaliseName(d.person)).distinct().count() != 1) {
      return;
    }
    List<String> places = out.stream().filter(f -> f.kind == ClaimKind.OFFICIALS_FLED
        && (f.person != null || f.singular)).map(f -> f.destination).distinct().toList();
    if (places.size() != 1 || places.get(0) == null) {
      return;
    }
    for (Draft d : returns) {
      if (d.destination == null && d.mentioned.isEmpty() && !places.get(0).equals(d.origin)) {
        d.destination = places.get(0);
        d.confidence -= 0.1;
      }
    }
  }

  /** A capitalised word of the person's name stands in the sentence ("Lin" for "Lin Guoqiang"). */
  private static boolean mentionsName(SentenceView s, String person) {
    Set<String> words = new HashSet<>(List.of(ClaimKeys.normaliseName(person).split(" ")));
    for (SentenceView.Tok t : s.toks) {
      if (Character.isUpperCase(t.word().charAt(0)) && words.contains(ClaimKeys.normaliseName(t.word()))) {
        return true;
      }
    }
    return false;
  }

  private static void redirect(List<Draft> drafts, Draft from, Draft to) {
    for (Draft d : drafts) {
      if (d.overlaps == from) {
        d.overlaps = to;
      }
    }
  }

  private static List<String> union(List<String> a, List<String> b) {
    Set<String> s = new LinkedHashSet<>(a);
    s.addAll(b);
    return new ArrayList<>(s);
  }

  private static int specificity(Draft d) {
    int v = 0;
    if (d.kind.isMoney()) {
      v += d.vagueMoney ? 0 : 4;
    } else if (d.count != null) {
      v += 4;
    }
    if (!d.approximate) {
      v += 1;
    }
    if (d.sentence != null && d.sentence.index > 0) {
      v += 1; // body over headline: the body usually carries the exact wording
    }
    return v;
  }

  private List<Claim> toClaims(List<Draft> drafts, Normalized text, Article article) {
    List<Claim> out = new ArrayList<>();
    if (drafts.isEmpty()) {
      return out;
    }
    String outlet = Outlets.of(article.url(), article.source());
    LocalDate published = article.publishedAt() == null ? null
        : LocalDate.ofInstant(article.publishedAt(), ZoneOffset.UTC);
    String fingerprint = TextFingerprint.of(text.text());
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      int ov = d.overlaps == null ? -1 : drafts.indexOf(d.overlaps);
      Integer overlaps = ov >= 0 && ov != i ? ov : null;
      SentenceView s = d.sentence;
      String sentence = s.text();
      String periodText = null;
      boolean cumul = false;
      if (d.person == null) {
        Matcher m = period.matcher(sentence);
        if (m.find()) {
          periodText = m.group(1);
        }
        cumul = cumulative.matcher(sentence).find();
      }
      Optional<PeriodReader.Period> dates = periods.read(sentence, published);
      int qb = text.originalOffset(s.begin);
      int qe = text.originalEndOffset(Math.min(s.end, text.text().length()));
      MoneyMention m = d.money;
      if (m != null && d.usdOverride == null && dates.isPresent()) {
        // "800 billion yuan moved abroad in 2011", reported in 2020: the rates of the period, not of the report
        LocalDate at = dates.get().rateDate(cumul, published);
        if (at != null) {
          m = money.at(m, at);
        }
      }
      BigDecimal usd = d.usdOverride != null ? d.usdOverride : m == null ? null : m.amountUsd();
      String rateSource = d.usdOverride != null ? "article" : m == null ? null : m.usdRateSource();
      BigDecimal rate = d.usdOverride == null ? (m == null ? null : m.usdRate())
          : m != null && m.amount() != null && m.amount().signum() > 0
              ? d.usdOverride.divide(m.amount(), new java.math.MathContext(8, java.math.RoundingMode.HALF_EVEN)) : null;
      java.time.LocalDate rateDate = d.usdOverride == null && m != null ? m.rateDate() : null;
      Claim c = new Claim(article.id() + "#" + i, null, article.id(), article.contentHash(), d.kind,
          d.subject == null ? Subject.UNSPECIFIED : d.subject, d.origin, d.destination,
          d.destination == null ? d.mentioned : List.of(), d.kind.isMoney() ? null : d.count,
          m == null ? null : m.amount(), m == null ? null : m.low(), m == null ? null : m.high(),
          m == null ? null : m.currency(), d.valueText, scale(usd), m == null ? null : scale(m.usdLow()),
          m == null ? null : scale(m.usdHigh()), rateSource, rate, rateDate, d.approximate, d.hedged, d.person,
          periodText, dates.map(PeriodReader.Period::from).orElse(null),
          dates.map(PeriodReader.Period::to).orElse(null), cumul, overlaps, text.original().substring(qb, qe), qb, qe,
          Math.max(0.05, Math.min(1.0, d.confidence)), article.url(), article.source(), article.title(),
          article.publishedAt(), outlet, fingerprint, false);
      out.add(c.withKey(ClaimKeys.canonical(c)));
    }
    return out;
  }

  private static BigDecimal scale(BigDecimal v) {
    return v == null ? null : v.setScale(2, RoundingMode.HALF_EVEN);
  }

  private static Map<String, Pattern> loadPatterns() {
    Map<String, Pattern> out = new HashMap<>();
    for (ResourceLines.Line l : ResourceLines.read(PERIODS)) {
      String[] f = l.text().split("\t", 2);
      out.put(f[0].strip(), Pattern.compile(f[1]));
    }
    return out;
  }

  /** "In 2009 he fled the inquiry": a sentence that dates its event by a year. */
  private static boolean datedYear(SentenceView s) {
    boolean relative = false; // "X, who became a senator in 2009, fled the country": the year is the clause's
    for (int i = 0; i < s.size(); i++) {
      String w = s.lower(i);
      if (w.equals(",")) {
        relative = i + 1 < s.size() && (s.lower(i + 1).equals("who") || s.lower(i + 1).equals("which"));
        continue;
      }
      if (!relative && s.tok(i).word().matches("(?:19|20)\\d\\d")
          && ("DATE".equals(s.tok(i).ner()) || s.tok(i).tag().equals("CD"))) {
        return true;
      }
    }
    return false;
  }

  /** "He returned to Algeria in 2016, only to flee again": a flight after the same person's return is a new one. */
  private static boolean againAfterReturn(Draft d, List<Draft> drafts) {
    return d.again && drafts.stream().anyMatch(r -> r.kind == ClaimKind.OFFICIALS_RETURNED && r.person != null
        && SameFacts.samePerson(r.person, d.person) && r.sentence.index <= d.sentence.index);
  }
}
