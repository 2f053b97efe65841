package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.tokensregex.CoreMapExpressionExtractor;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import io.flightwatch.common.Article;
import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKeys;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.MoneyMention;
import io.flightwatch.common.Subject;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an annotated document into claims.
 *
 * <p>Predicates and qualifiers come from the TokensRegex rules in {@code triggers.rules}. For each predicate this class
 * attaches, inside the predicate's clause (from the previous predicate to the next one):
 * <ul>
 *   <li>the destination: the place list of the first prepositional phrase after the predicate that fits its kind
 *       ("fled to X", "hiding in X", "transferred to accounts in X"; "from X" for returns), skipping transit ("via X",
 *       "through X") and source ("from X" after a flight verb, which names the origin instead). One country in the list:
 *       that destination; several, or a "mainly/mostly/including" qualifier: destination null + destinationsMentioned;
 *       "N in X, M in Y" after it: one claim per country;
 *   <li>the actor: a counted people noun ("more than 1,000 corrupt officials") or a named person / he / she before the
 *       predicate (not a speaker: a reporting verb in between disqualifies);
 *   <li>the amount (money kinds): the nearest money mention in the clause; "the funds"/"the money" refers back to the
 *       last amount of the two previous sentences.
 * </ul>
 * Then, per article: a named person's return inherits the country they were said to flee to; one fact is one claim (the
 * most specific figure wins, vague amounts give way to precise ones, a person's destination-less claim gives way to one
 * with a destination).
 *
 * <p>Not thread-safe (holds the rule extractor); one per annotator.
 */
final class ClaimExtractor {

  static final String RULES = "io/flightwatch/nlp/extract/triggers.rules";

  private static final Set<String> KIND_LABELS = Set.of("FLED", "FLED_WEAK", "RETURNED", "RETURN_AMBIG", "MOVED",
      "RECOVERED");
  private static final Set<String> OFFICIAL_NOUNS = Set.of("official", "ex-official", "cadre", "minister",
      "ex-minister", "governor", "ex-governor", "mayor", "ex-mayor", "executive", "employee", "servant", "officer",
      "bureaucrat", "functionary", "politician", "manager", "director", "chairman", "president", "ex-president",
      "leader", "member", "secretary", "chief", "aide", "adviser", "advisor", "premier", "lawmaker", "legislator",
      "senator", "judge", "prosecutor", "general", "colonel", "diplomat", "ambassador", "deputy", "commissioner",
      "head", "boss", "banker");
  private static final Set<String> FUGITIVE_NOUNS = Set.of("fugitive", "suspect", "criminal", "defector", "escapee",
      "individual", "people", "person", "runaway");
  private static final Set<String> FAMILY_NOUNS = Set.of("family", "relative", "spouse", "child", "children", "wife",
      "son", "daughter", "kin", "husband");
  private static final Set<String> ASSET_NOUNS = Set.of("asset", "fund", "money", "proceeds", "booty", "loot", "cash",
      "property", "wealth", "saving", "deposit");
  private static final Set<String> VAGUE_NUMBERS = Set.of("thousands", "hundreds", "dozens", "tens", "millions",
      "scores", "billions", "several", "many", "some");
  private static final Set<String> REPORTING = Set.of("say", "tell", "add", "state", "announce", "reveal", "note",
      "report", "claim", "estimate", "suggest", "confirm", "disclose");
  private static final Set<String> PARTIAL = Set.of("mainly", "mostly", "largely", "chiefly", "primarily", "including",
      "especially", "particularly", "notably", "partly");
  private static final Set<String> APPROX_ONE = Set.of("over", "about", "around", "nearly", "almost", "some", "roughly",
      "approximately", "estimated", "reportedly", "~");
  private static final Set<String> APPROX_TWO = Set.of("more than", "up to", "at least", "less than", "fewer than",
      "as many", "as much", "close to", "in excess", "upwards of", "excess of");
  /** Verbs whose place subject is the country handing people or assets back ("Canada deported", "X returns"). */
  private static final Set<String> GIVE_BACK = Set.of("return", "returns", "repatriate", "deport", "extradite",
      "hand");
  private static final Set<String> LIST_GLUE = Set.of(",", "and", "or", "the", "&", "as", "well");
  private static final Set<String> SUBJECT_PRONOUNS = Set.of("he", "she");
  private static final Pattern PERIOD = Pattern.compile(
      "\\b(since (?:the )?(?:mid-|late |early )?(?:\\d{4}s?|[A-Z][a-z]+ \\d{4}|[Nn]ineties|[Ee]ighties)"
          + "|from \\d{4} to \\d{4}|between \\d{4} and \\d{4}|(?:over|in|during|for) (?:the )?(?:past|last) [\\w½.]+ "
          + "(?:years|months)|for (?:nearly |almost |about |over )?\\d+ years|from [A-Z][a-z]+ to (?:the end of )?"
          + "[A-Z][a-z]+)");
  private static final Pattern CUMULATIVE = Pattern.compile(
      "\\b(?:so far|as of|since|in total|a total of|to date|over the past|over the last|in all)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern REFERENCE = Pattern.compile("\\b(?:the|these|those|such|this) (?:funds|money|assets|"
      + "proceeds|sums?|cash)\\b", Pattern.CASE_INSENSITIVE);

  /** Word stems of every predicate in triggers.rules; a sentence without one cannot hold a claim. Keep in sync. */
  private static final Pattern PREDICATE_HINT = Pattern.compile("(?i)\\b(?:fle[de]|flees|abscond|defect|escap"
      + "|refuge|asylum|sanctuary|shelter|hid|hiding|on the run|hole|holing|settl|resettl|relocat|liv|resid|stay"
      + "|at large|extradit|deport|brought|bring|persuad|lur|forc|return|repatriat|seiz|captur|caught|catch|nab"
      + "|track|hunt|transfer|smuggl|launder|siphon|funnel|stash|channel|spirit|mov|sen[dt]|wir|recover|retriev"
      + "|recoup|reclaim|claw|slip|sneak|snuck|appl(?:y|ie)|file[ds]? for|filing for|ask(?:s|ed|ing)? for"
      + "|com(?:e|es|ing)\\b|came|fl(?:y|ies|ew|own) (?:back|home)|ship|convinc|induc|pressur|compel)");

  private final CoreMapExpressionExtractor<MatchedExpression> rules;

  ClaimExtractor() {
    Env env = TokenSequencePattern.getNewEnv();
    this.rules = CoreMapExpressionExtractor.createExtractorFromFiles(env, RULES);
  }

  /** A predicate or cue found by the rules, as a token span of its sentence. */
  record Cue(String label, int start, int end) {}

  /** A claim before article-level merging. */
  static final class Draft {
    ClaimKind kind;
    Subject subject = Subject.UNSPECIFIED;
    String origin;
    String destination;
    List<String> mentioned = new ArrayList<>();
    Long count;
    MoneyMention money;
    BigDecimal usdOverride;
    String valueText;
    boolean approximate;
    boolean hedged;
    String person;
    String period;
    boolean cumulative;
    Integer overlapsWithDraft;
    SentenceView sentence;
    double confidence;
    boolean vagueMoney;
    boolean placeholder;
    boolean singular;
    int triggerTok;
  }

  List<Claim> extract(Annotation doc, String text, Article article, EntityIndex entities, List<MoneyMention> money) {
    List<SentenceView> sentences = new ArrayList<>();
    int idx = 0;
    for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
      int b = s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
      int e = s.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
      List<MoneyMention> inSentence = money.stream().filter(m -> m.begin() >= b && m.end() <= e).toList();
      sentences.add(new SentenceView(idx++, s, SentenceView.tokens(s, entities), inSentence));
    }
    Scores dominant = countryScores(sentences, article);
    Persons persons = new Persons();
    List<Draft> drafts = new ArrayList<>();
    for (SentenceView s : sentences) {
      drafts.addAll(sentenceClaims(s, sentences, dominant, persons));
    }
    List<Draft> merged = merge(drafts);
    return toClaims(merged, text, article);
  }

  // ------------------------------------------------------------------------------------------------ per sentence

  private List<Draft> sentenceClaims(SentenceView s, List<SentenceView> all, Scores dominant, Persons persons) {
    if (!PREDICATE_HINT.matcher(s.map.get(CoreAnnotations.TextAnnotation.class)).find()) {
      // no word any predicate rule could match: skip the TokensRegex pass (most sentences of most articles)
      persons.observe(s);
      return List.of();
    }
    List<Cue> cues = cues(s);
    List<Cue> preds = coalesce(cues.stream().filter(c -> KIND_LABELS.contains(c.label())).toList());
    boolean hedged = cues.stream().anyMatch(c -> c.label().equals("HEDGE"));
    List<Draft> out = new ArrayList<>();
    Cue lastBlocked = null;
    for (int k = 0; k < preds.size(); k++) {
      Cue p = preds.get(k);
      int left = k == 0 ? 0 : preds.get(k - 1).end();
      int right = k + 1 < preds.size() ? preds.get(k + 1).start() : s.size();
      if (blocked(s, p, cues) || continuesBlocked(s, lastBlocked, p)) {
        // "an operation to hunt down 100 officials at large abroad": the second predicate belongs to the purpose too
        lastBlocked = p;
        continue;
      }
      out.addAll(claimsFor(s, p, left, right, hedged, all, dominant, persons));
    }
    persons.observe(s);
    return out;
  }

  /**
   * "defected from X and is now living in Y", "living in exile in Y": flight predicates a few words apart are one
   * predicate, whose destination phrase may follow the second.
   */
  private static List<Cue> coalesce(List<Cue> preds) {
    List<Cue> out = new ArrayList<>();
    for (Cue c : preds) {
      Cue prev = out.isEmpty() ? null : out.get(out.size() - 1);
      if (prev != null && prev.label().startsWith("FLED") && c.label().startsWith("FLED") && c.start() - prev.end() <= 8) {
        String label = prev.label().equals("FLED") || c.label().equals("FLED") ? "FLED" : "FLED_WEAK";
        out.set(out.size() - 1, new Cue(label, prev.start(), c.end()));
      } else {
        out.add(c);
      }
    }
    return out;
  }

  private List<Cue> cues(SentenceView s) {
    List<Cue> out = new ArrayList<>();
    for (MatchedExpression m : rules.extractExpressions(s.map)) {
      Object v = m.getValue() == null ? null : m.getValue().get();
      if (v == null) {
        continue;
      }
      int a = s.tokenAt(m.getCharOffsets().first());
      int b = s.tokenAt(m.getCharOffsets().second() - 1) + 1;
      out.add(new Cue(v.toString(), a, b));
    }
    out.sort(Comparator.comparingInt(Cue::start));
    return out;
  }

  /** A predicate within a few words of a blocked one, with no clause break between, shares its fate. */
  private static boolean continuesBlocked(SentenceView s, Cue blocked, Cue p) {
    if (blocked == null || p.start() - blocked.end() > 8) {
      return false;
    }
    for (int i = blocked.end(); i < p.start(); i++) {
      String w = s.lower(i);
      if (w.equals(",") || w.equals(";") || w.equals("but") || w.equals("and") || w.equals("after")
          || w.equals("before") || w.equals("when")) {
        return false;
      }
    }
    return true;
  }

  /** Negated, intended, prevented or purpose-only predicates state no fact. */
  private static boolean blocked(SentenceView s, Cue p, List<Cue> cues) {
    for (Cue c : cues) {
      if ((c.label().equals("NEGATION") || c.label().equals("INTENT") || c.label().equals("MODAL"))
          && c.start() < p.start()
          && p.start() - c.end() <= 2) {
        return true;
      }
    }
    String prev = s.lower(p.start() - 1);
    Tok first = s.tok(p.start());
    Tok head = s.tok(p.start() - 2);
    if ((prev.equals("of") || prev.equals("in") || prev.equals("for") || prev.equals("on"))
        && first.tag().equals("VBG") && head != null && (head.tag().equals("NN") || head.tag().equals("NNS"))) {
      return true; // "the process of extraditing X", "help in extraditing": an activity, not an event
    }
    if (prev.equals("from") && first.lower().endsWith("ing")) {
      return true; // "stop officials from fleeing"
    }
    Tok beforeTo = s.tok(p.start() - 2);
    // "an operation to hunt down", "a campaign \"Sky Net\" to recover": a purpose, not an event; after a verb
    // ("agreed to return", "was persuaded to return") the infinitive can be the event itself
    return prev.equals("to") && first.tag().equals("VB") && beforeTo != null && !beforeTo.tag().startsWith("VB")
        && !beforeTo.tag().equals("MD");
  }

  private List<Draft> claimsFor(SentenceView s, Cue p, int left, int right, boolean hedged, List<SentenceView> all,
      Scores dominant, Persons persons) {
    String label = p.label();
    ClaimKind kind = switch (label) {
      case "FLED", "FLED_WEAK" -> ClaimKind.OFFICIALS_FLED;
      case "RETURNED" -> ClaimKind.OFFICIALS_RETURNED;
      case "MOVED" -> ClaimKind.MONEY_MOVED_ABROAD;
      case "RECOVERED" -> ClaimKind.MONEY_RECOVERED;
      default -> assetsNearer(s, p, left, right) ? ClaimKind.MONEY_RECOVERED : ClaimKind.OFFICIALS_RETURNED;
    };
    MoneyMention taken = kind == ClaimKind.OFFICIALS_FLED ? moneyTakenAlong(s, p, left, right) : null;
    if (label.equals("FLED_WEAK") && !fugitiveContext(s)
        && !(s.index > 0 && fugitiveContext(all.get(s.index - 1))) && taken == null) {
      return List.of();
    }
    List<Draft> out = new ArrayList<>();
    Attachment att = attach(s, p, right, kind, label.startsWith("RETURN"));
    String origin = att.origin != null ? att.origin : nationalityBefore(s, left, p.start());
    if (kind.isMoney()) {
      Draft d = moneyDraft(s, p, left, right, kind, att, all);
      if (d != null) {
        finish(d, s, hedged, origin, dominant);
        d.subject = actorSubject(s, left, p.start());
        out.add(d);
      }
      return out;
    }
    // officials kinds: who?
    Actor actor = actor(s, p, left, right, persons);
    if (actor == null) {
      if (taken != null) {
        out.add(takenAlong(taken, att.destination(), att.mentioned(), null, actorSubject(s, left, p.start()), s,
            hedged, origin, dominant));
      }
      return out;
    }
    if (!att.breakdown.isEmpty()) {
      // "40 in the US, 26 in Canada and 10 in Australia": one claim per country, the first with the actor's count
      Draft first = officialsDraft(kind, actor, att.codes.get(0), List.of());
      finish(first, s, hedged, origin, dominant);
      out.add(first);
      for (int b = 0; b < att.breakdown.size(); b++) {
        Draft d = officialsDraft(kind, actor, att.breakdownCodes.get(b + 1), List.of());
        d.count = att.breakdown.get(b)[0];
        d.approximate = false;
        d.person = null;
        d.valueText = Long.toString(d.count);
        finish(d, s, hedged, origin, dominant);
        out.add(d);
      }
      return out;
    }
    Draft main = officialsDraft(kind, actor, att.destination(), att.mentioned());
    finish(main, s, hedged, origin, dominant);
    if (label.equals("FLED_WEAK")) {
      main.confidence -= 0.2;
    }
    out.add(main);
    if (actor.subsetCount != null) {
      Draft sub = officialsDraft(kind, actor, att.destination(), att.mentioned());
      sub.count = actor.subsetCount;
      sub.valueText = actor.subsetText;
      sub.approximate = false;
      sub.subject = actor.subsetSubject;
      sub.overlapsWithDraft = 0;
      finish(sub, s, hedged, origin, dominant);
      sub.overlapsWithDraft = -1; // resolved to the main claim's index after merging
      out.add(sub);
    }
    // a flight "with" money, or "stole X and fled": the money went abroad with them
    if (taken != null) {
      out.add(takenAlong(taken, main.destination, main.mentioned, main.person, main.subject, s, hedged, origin,
          dominant));
    }
    return out;
  }

  private Draft takenAlong(MoneyMention taken, String dest, List<String> mentioned, String person, Subject subject,
      SentenceView s, boolean hedged, String origin, Scores dominant) {
    Draft d = new Draft();
    d.kind = ClaimKind.MONEY_MOVED_ABROAD;
    d.destination = dest;
    d.mentioned = new ArrayList<>(mentioned);
    setMoney(d, taken, s);
    d.person = person;
    d.subject = subject;
    d.confidence = 0.7;
    finish(d, s, hedged, origin, dominant);
    return d;
  }

  private static Draft officialsDraft(ClaimKind kind, Actor actor, String dest, List<String> mentioned) {
    Draft d = new Draft();
    d.kind = kind;
    d.destination = dest;
    d.mentioned = new ArrayList<>(mentioned);
    d.person = actor.person;
    d.count = actor.person != null ? Long.valueOf(1) : actor.count;
    d.valueText = actor.text;
    d.approximate = actor.approximate;
    d.subject = actor.subject;
    d.confidence = actor.person != null ? 0.8 : actor.singular ? 0.6 : 0.75;
    d.singular = actor.singular;
    return d;
  }

  private void finish(Draft d, SentenceView s, boolean hedged, String origin, Scores dominant) {
    d.sentence = s;
    d.hedged = hedged;
    if (origin != null) {
      d.origin = origin;
    } else {
      List<String> away = new ArrayList<>(d.mentioned);
      if (d.destination != null) {
        away.add(d.destination);
      }
      d.origin = dominant.best(away, s.index);
      if (d.origin == null && d.money != null) {
        d.origin = CurrencyCountries.countryOf(d.money.currency()); // "2 billion naira" -> NG
      }
    }
    if (d.destination != null && d.destination.equals(d.origin)) {
      d.destination = null;
    }
    d.mentioned.remove(d.origin);
    if (d.person == null) {
      String sentence = text(s);
      Matcher m = PERIOD.matcher(sentence);
      if (m.find()) {
        d.period = m.group(1);
      }
      d.cumulative = CUMULATIVE.matcher(sentence).find();
    }
    if (hedged) {
      d.confidence -= 0.2;
    }
    if (d.destination == null && d.mentioned.isEmpty()) {
      d.confidence -= 0.1;
    }
  }

  private static String text(SentenceView s) {
    StringBuilder b = new StringBuilder();
    for (Tok t : s.toks) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(t.word());
    }
    return b.toString();
  }

  /** For "return"/"repatriate": money or an asset noun closer to the predicate than any person or people noun. */
  private static boolean assetsNearer(SentenceView s, Cue p, int left, int right) {
    int assetDist = Integer.MAX_VALUE;
    int personDist = Integer.MAX_VALUE;
    for (int i = Math.max(left, p.start() - 12); i < Math.min(right, p.end() + 8); i++) {
      Tok t = s.tok(i);
      int dist = i < p.start() ? p.start() - i : i - p.end() + 1;
      if (ASSET_NOUNS.contains(t.lemma())) {
        assetDist = Math.min(assetDist, dist);
      }
      boolean owner = s.lower(i + 1).equals("'s") || s.lower(i + 1).equals("’s"); // "a fugitive's assets"
      if (!owner && (t.isPerson() || SUBJECT_PRONOUNS.contains(t.lower()) || t.lower().equals("they")
          || OFFICIAL_NOUNS.contains(t.lemma()) || FUGITIVE_NOUNS.contains(t.lemma()))) {
        personDist = Math.min(personDist, dist);
      }
    }
    // a bare amount is not enough: "a 485 million dollar case, was repatriated" is about the person
    return assetDist < personDist;
  }

  /** Living or settling somewhere is flight only when the sentence is about fugitives or corrupt officials. */
  private static boolean fugitiveContext(SentenceView s) {
    for (Tok t : s.toks) {
      if (t.lemma().equals("fugitive") || t.lower().startsWith("corrupt") || t.lower().equals("most-wanted")
          || t.lower().equals("wanted") || t.lower().equals("ousted") || t.lower().equals("exiled")
          || t.lower().startsWith("defect")) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------------------------ destinations

  /** Where a predicate points: the place list of its first fitting prepositional phrase. */
  static final class Attachment {
    List<String> codes = new ArrayList<>();
    boolean partial;
    String origin;
    List<long[]> breakdown = new ArrayList<>();
    List<String> breakdownCodes = new ArrayList<>();

    String destination() {
      Set<String> distinct = new LinkedHashSet<>(codes);
      return !partial && distinct.size() == 1 ? codes.get(0) : null;
    }

    List<String> mentioned() {
      Set<String> distinct = new LinkedHashSet<>(codes);
      return destination() == null ? new ArrayList<>(distinct) : new ArrayList<>();
    }
  }

  private static Attachment attach(SentenceView s, Cue p, int right, ClaimKind kind, boolean returnVerb) {
    Attachment a = new Attachment();
    int giver = placeSubject(s, p.start());
    if (returnVerb && GIVE_BACK.contains(s.tok(p.start()).lemma())
        && (!s.tok(p.start()).tag().equals("VBN") || giver >= 0 && giver < p.start() - 1)
        && giver >= 0 && !s.lower(giver - 1).equals("to")) {
      // "New Zealand returns a fugitive's assets", "Spain this week extradited X": the country giving back is where
      // they were (not "China seized ...")
      a.codes.add(s.tok(giver).iso());
      return a;
    }
    boolean towards = kind == ClaimKind.OFFICIALS_FLED || kind == ClaimKind.MONEY_MOVED_ABROAD;
    Set<String> preps = towards ? Set.of("to", "in", "into", "for", "towards", "toward", "at")
        : Set.of("from");
    int end = Math.min(right, p.end() + 16);
    // "fled China": a country right after a flight verb is where they left
    if (kind == ClaimKind.OFFICIALS_FLED && s.tok(p.start()).tag().startsWith("VB")) {
      int j = skipDeterminers(s, p.start() + 1);
      Tok t = s.tok(j);
      if (t != null && t.isPlace()) {
        a.origin = t.iso();
      }
    }
    // scan from inside the predicate: its own words may hold the preposition ("settle in", "defected from X and is
    // living in Y")
    for (int i = p.start() + 1; i < end; i++) {
      String w = s.lower(i);
      Tok wt = s.tok(i);
      if (REPORTING.contains(wt.lemma()) && wt.tag().startsWith("VB") && i > p.end()) {
        break; // ", said a statement from X": the clause ended
      }
      boolean skip = w.equals("via") || w.equals("through") || w.equals("transit") || (towards && w.equals("from"));
      if (towards && (w.equals("on") || w.equals("in") || w.equals("onto")) && s.tok(i + 1) != null
          && s.tok(i + 1).nationality()) {
        int n = i + 1;
        while (s.tok(n + 1) != null && s.tok(n + 1).entity() == s.tok(i + 1).entity()) {
          n++; // "South African"
        }
        if (s.tok(n + 1) != null && Set.of("soil", "territory", "ground").contains(s.tok(n + 1).lemma())) {
          a.codes.add(s.tok(i + 1).iso()); // "sheltering on American soil"
          return a;
        }
      }
      if (!towards && w.equals("to") && kind == ClaimKind.OFFICIALS_RETURNED) {
        Tok home = s.tok(skipDeterminers(s, i + 1));
        if (home != null && home.isPlace() && !isPossessive(s, home.i())) {
          a.origin = home.iso(); // "extradited ... back to Russia": the country they were brought home to
        }
        continue;
      }
      if (!skip && !preps.contains(w)) {
        continue;
      }
      int j = skipDeterminers(s, i + 1);
      Tok t = s.tok(j);
      if (t == null || !t.isPlace()) {
        continue;
      }
      PlaceList list = readList(s, j, end);
      if (list.codes.isEmpty()) {
        continue; // "from China's ministry": a possessive names an owner, not a place to go to
      }
      if (skip) {
        if (w.equals("from") && a.origin == null && kind == ClaimKind.OFFICIALS_FLED) {
          a.origin = list.codes.get(0);
        }
        i = list.end - 1;
        continue;
      }
      if (towards && list.codes.stream().allMatch(c -> c.equals(a.origin))) {
        i = list.end - 1;
        continue;
      }
      if (!towards && kind == ClaimKind.OFFICIALS_RETURNED && a.origin == null) {
        // "returned from X to China": the "to" country is home
        a.origin = null;
      }
      a.codes.addAll(list.codes);
      a.breakdown.addAll(list.breakdown);
      a.breakdownCodes.add(list.codes.get(0));
      a.breakdownCodes.addAll(list.breakdownCodes);
      a.partial = PARTIAL.contains(s.lower(i - 1)) || PARTIAL.contains(s.lower(i - 2))
          || (s.lower(i - 1).equals("as") && s.lower(i - 2).equals("such"));
      return a;
    }
    if (kind == ClaimKind.OFFICIALS_FLED) {
      // "flew on to Toronto, where he applied for asylum": the place the relative clause hangs on
      for (int i = p.start() - 1; i >= Math.max(1, p.start() - 8); i--) {
        if (s.lower(i).equals("where") && s.lower(i - 1).equals(",") && s.tok(i - 2) != null
            && s.tok(i - 2).isPlace()) {
          a.codes.add(s.tok(i - 2).iso());
          return a;
        }
      }
    }
    if (kind.isMoney()) {
      // "a bank in X", "accounts in X" anywhere in the sentence
      for (int k = 0; k + 2 < s.size(); k++) {
        String l = s.tok(k).lemma();
        if ((l.equals("bank") || l.equals("account")) && s.lower(k + 1).equals("in")) {
          int j = skipDeterminers(s, k + 2);
          Tok t = s.tok(j);
          if (t != null && t.isPlace()) {
            PlaceList list = readList(s, j, s.size());
            a.codes.addAll(list.codes);
            return a;
          }
        }
      }
    }
    return a;
  }

  private static final Set<String> TIME_WORDS = Set.of("this", "last", "on", "week", "month", "year", "weekend",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "recently", "finally", "also",
      "earlier");

  /** The place right before a verb, or before a short time adverbial ("Spain this week extradited"); -1 if none. */
  private static int placeSubject(SentenceView s, int verb) {
    int i = verb - 1;
    while (i >= 0 && verb - i <= 3 && TIME_WORDS.contains(s.lower(i))) {
      i--;
    }
    return i >= 0 && s.tok(i).isPlace() && !isPossessive(s, i) ? i : -1;
  }

  private static int skipDeterminers(SentenceView s, int i) {
    int j = i;
    while (j < s.size() && (s.lower(j).equals("the") || s.lower(j).equals("a"))) {
      j++;
    }
    return j;
  }

  private record PlaceList(List<String> codes, List<long[]> breakdown, List<String> breakdownCodes, int end) {}

  /** Places joined by commas/and/or, plus a trailing per-country breakdown ("26 in Canada and 10 in Australia"). */
  private static PlaceList readList(SentenceView s, int start, int limit) {
    List<String> codes = new ArrayList<>();
    List<long[]> breakdown = new ArrayList<>();
    List<String> bcodes = new ArrayList<>();
    int i = start;
    int lastEntity = -2;
    while (i < limit) {
      Tok t = s.tok(i);
      if (t.isPlace() && isPossessive(s, i)) {
        break;
      }
      if (t.isPlace()) {
        if (t.entity() != lastEntity) {
          codes.add(t.iso());
          lastEntity = t.entity();
        }
        i++;
        continue;
      }
      if (LIST_GLUE.contains(t.lower())) {
        i++;
        continue;
      }
      if (t.number() != null && "NUMBER".equals(t.ner()) && (s.lower(i + 1).equals("in") || s.lower(i + 1).equals("to"))) {
        int j = skipDeterminers(s, i + 2);
        Tok place = s.tok(j);
        if (place != null && place.isPlace()) {
          breakdown.add(new long[] {Math.round(t.number())});
          bcodes.add(place.iso());
          lastEntity = place.entity();
          i = j + 1;
          while (i < limit && s.tok(i).isPlace() && s.tok(i).entity() == lastEntity) {
            i++;
          }
          continue;
        }
      }
      break;
    }
    // trailing glue is not part of the list
    return new PlaceList(codes, breakdown, bcodes, i);
  }

  /** The place mention at {@code i} ends in "'s". */
  private static boolean isPossessive(SentenceView s, int i) {
    int e = i;
    while (e + 1 < s.size() && s.tok(e + 1).entity() == s.tok(i).entity() && s.tok(i).entity() >= 0) {
      e++;
    }
    String next = s.lower(e + 1);
    return next.equals("'s") || next.equals("’s");
  }

  private static String nationalityBefore(SentenceView s, int left, int predStart) {
    for (int i = predStart - 1; i >= left; i--) {
      Tok t = s.tok(i);
      if (t.nationality()) {
        Tok next = s.tok(i + 1);
        if (next != null && (OFFICIAL_NOUNS.contains(next.lemma()) || FUGITIVE_NOUNS.contains(next.lemma())
            || next.tag().startsWith("NN") || next.tag().startsWith("JJ"))) {
          return t.iso();
        }
      }
    }
    return null;
  }

  // ------------------------------------------------------------------------------------------------ actors

  static final class Actor {
    String person;
    Long count;
    String text;
    boolean approximate;
    Subject subject = Subject.UNSPECIFIED;
    Long subsetCount;
    String subsetText;
    Subject subsetSubject;
    boolean singular;
  }

  private record Counted(int numberTok, int nounTok, long value, boolean approximate, String text, Subject subject,
      boolean family) {}

  private Actor actor(SentenceView s, Cue p, int left, int right, Persons persons) {
    // "officials sent their wives and children to live in X": the family moved, not the officials ("naked officials")
    for (int i = Math.max(left, p.start() - 3); i < p.start(); i++) {
      if (FAMILY_NOUNS.contains(s.tok(i).lemma())) {
        return null;
      }
    }
    List<Counted> counted = counted(s, left, right);
    // a number standing as the subject: "48 have returned", "40 thought to be hiding"
    Counted direct = directNumber(s, p.start(), left);
    Counted near = direct;
    if (near == null) {
      int best = Integer.MAX_VALUE;
      for (Counted c : counted) {
        if (subsetMarker(s, c.numberTok())) {
          continue;
        }
        int dist = Math.abs(c.nounTok() - p.start());
        if (dist < best) {
          best = dist;
          near = c;
        }
      }
    }
    // a named person (or he/she) as the subject: the first one after any reporting verb ("X said Y fled" is about Y),
    // since appositions ("Yan, former chairman of Company Z, had been hiding") put the subject first
    String person = null;
    int personTok = -1;
    int from = left;
    for (int i = p.start() - 1; i >= left; i--) {
      Tok t = s.tok(i);
      if (REPORTING.contains(t.lemma()) && t.tag().startsWith("VB")) {
        from = i + 1;
        break;
      }
    }
    for (int i = from; i < p.start(); i++) {
      Tok t = s.tok(i);
      if (t.isPerson()) {
        int e = i;
        while (e + 1 < p.start() && s.tok(e + 1).isPerson() && s.tok(e + 1).entity() == t.entity()) {
          e++;
        }
        person = persons.resolve(s, i, e + 1);
        personTok = i;
        break;
      }
      if (SUBJECT_PRONOUNS.contains(t.lower())) {
        person = persons.lastBefore(s, i);
        personTok = i;
        break;
      }
    }
    // "Canada deported X": the person is the object of an active verb with no person before it
    int giver = placeSubject(s, p.start());
    if (person == null && near == null && (s.tok(p.start()).tag().equals("VBD") || s.tok(p.start()).tag().equals("VBZ")
        || s.tok(p.start()).tag().equals("VBN") && giver >= 0 && giver < p.start() - 1) && giver >= 0) {
      for (int i = p.end(); i < Math.min(right, p.end() + 8); i++) {
        if (s.tok(i).isPerson()) {
          int e = i;
          while (e + 1 < s.size() && s.tok(e + 1).isPerson() && s.tok(e + 1).entity() == s.tok(i).entity()) {
            e++;
          }
          person = persons.resolve(s, i, e + 1);
          personTok = p.start();
          break;
        }
      }
    }
    // "the return of X"
    if (person == null && s.tok(p.start()).tag().startsWith("NN") && s.lower(p.end()).equals("of")
        && s.tok(p.end() + 1) != null && s.tok(p.end() + 1).isPerson()) {
      int b = p.end() + 1;
      int e = b;
      while (e + 1 < s.size() && s.tok(e + 1).isPerson() && s.tok(e + 1).entity() == s.tok(b).entity()) {
        e++;
      }
      person = persons.resolve(s, b, e + 1);
      personTok = p.start();
    }
    if (person != null && (near == null || near.nounTok() < personTok || near.nounTok() > p.end())) {
      Actor a = new Actor();
      a.person = person;
      a.subject = Subject.OFFICIALS;
      a.text = person;
      return a;
    }
    if (near == null) {
      return singular(s, p, left);
    }
    if (near.family()) {
      return null;
    }
    Actor a = new Actor();
    a.count = near.value();
    a.text = near.text();
    a.approximate = near.approximate();
    a.subject = near.subject();
    for (Counted c : counted) {
      if (c != near && c.numberTok() > near.nounTok() && subsetMarker(s, c.numberTok()) && !c.family()) {
        a.subsetCount = c.value();
        a.subsetText = c.text();
        a.subsetSubject = c.subject();
        break;
      }
    }
    return a;
  }

  /** "including 196 officials", "among them 196 officials", "of whom 196 officials": a subset of the main count. */
  private static boolean subsetMarker(SentenceView s, int numberTok) {
    int first = firstOfEntity(s, numberTok);
    String one = s.lower(first - 1);
    String two = s.lower(first - 2);
    return one.equals("including") || (one.equals("them") || one.equals("whom")) && (two.equals("among")
        || two.equals("of"));
  }

  /** "Afghanistan's ex-president fled", "a director of a bank has fled": one unnamed person. */
  private static Actor singular(SentenceView s, Cue p, int left) {
    for (int i = p.start() - 1; i >= Math.max(left, p.start() - 16); i--) {
      Tok t = s.tok(i);
      if (REPORTING.contains(t.lemma()) && t.tag().startsWith("VB")) {
        return null;
      }
      boolean official = OFFICIAL_NOUNS.contains(t.lemma());
      // the tag is not trusted here: headlines and captions get "fugitive" tagged JJ
      if ((official || FUGITIVE_NOUNS.contains(t.lemma())) && !t.tag().equals("NNS") && !t.lower().endsWith("s")) {
        for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
          String w = s.lower(k);
          if (w.equals("a") || w.equals("an") || w.equals("the") || w.equals("'s") || w.equals("’s")
              || w.equals("former") || w.equals("one")) {
            Actor a = new Actor();
            a.count = 1L;
            a.text = span(s, k, i + 1);
            a.subject = official ? Subject.OFFICIALS : Subject.FUGITIVES;
            a.singular = true;
            return a;
          }
        }
      }
    }
    return null;
  }

  /** Number + up to six modifiers + people noun, e.g. "more than 1,000 corrupt Chinese officials". */
  private static List<Counted> counted(SentenceView s, int left, int right) {
    List<Counted> out = new ArrayList<>();
    for (int i = left; i < right; i++) {
      Tok t = s.tok(i);
      if (t.number() == null || !"NUMBER".equals(t.ner()) || VAGUE_NUMBERS.contains(t.lower())) {
        continue;
      }
      // the last token of a multi-token number
      if (s.tok(i + 1) != null && s.tok(i + 1).entity() == t.entity() && t.entity() >= 0) {
        continue;
      }
      if (listOrShare(s, firstOfEntity(s, i))) {
        continue;
      }
      for (int j = i + 1; j <= Math.min(i + 7, right - 1); j++) {
        Tok n = s.tok(j);
        Subject subj = OFFICIAL_NOUNS.contains(n.lemma()) ? Subject.OFFICIALS
            : FUGITIVE_NOUNS.contains(n.lemma()) ? Subject.FUGITIVES : null;
        boolean family = FAMILY_NOUNS.contains(n.lemma());
        if (subj != null || family) {
          int first = firstOfEntity(s, i);
          boolean approx = approximate(s, first);
          out.add(new Counted(i, j, Math.round(t.number()), approx, span(s, approxStart(s, first), j + 1),
              subj == null ? Subject.UNSPECIFIED : subj, family));
          break;
        }
        // "five of its most-wanted suspects": a partitive with a possessive still counts the people noun
        boolean partitive = j == i + 1 && n.lower().equals("of") && s.tok(j + 1) != null
            && s.tok(j + 1).tag().equals("PRP$");
        if (!(n.tag().startsWith("JJ") || n.tag().startsWith("NN") || n.tag().equals("VBN") || n.tag().equals("RBS")
            || n.tag().equals("HYPH") || n.nationality() || n.lower().equals("-") || partitive
            || j == i + 2 && n.tag().equals("PRP$") && s.lower(i + 1).equals("of"))) {
          break;
        }
      }
    }
    return out;
  }

  /** "Interpol's 100 most wanted", "a list of the 100", "top 100", "48 out of 100": a list or a share, not a count. */
  private static boolean listOrShare(SentenceView s, int first) {
    String before = s.lower(first - 1);
    boolean upwards = before.equals("of") && (s.lower(first - 2).equals("upwards") || s.lower(first - 2).equals("excess"));
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

  private static Counted directNumber(SentenceView s, int predStart, int left) {
    int i = predStart - 1;
    Set<String> glue = Set.of("have", "has", "had", "were", "was", "been", "be", "are", "is", "thought", "believed",
        "to", "reportedly", "said", "all", "also", "already");
    while (i >= left && glue.contains(s.lower(i))) {
      i--;
    }
    if (i < left || i == predStart - 1) {
      return null;
    }
    // "Three of them were repatriated": the number of a group named before
    if (i - 2 >= left && s.lower(i - 1).equals("of")
        && (s.lower(i).equals("them") || s.lower(i).equals("these") || s.lower(i).equals("those"))) {
      i -= 2;
    }
    Tok t = s.tok(i);
    if (t.number() == null || !"NUMBER".equals(t.ner()) || VAGUE_NUMBERS.contains(t.lower())) {
      return null;
    }
    int first = firstOfEntity(s, i);
    return new Counted(i, i, Math.round(t.number()), approximate(s, first), span(s, approxStart(s, first), i + 1),
        Subject.FUGITIVES, false);
  }

  private static int firstOfEntity(SentenceView s, int i) {
    int b = i;
    while (b - 1 >= 0 && s.tok(i).entity() >= 0 && s.tok(b - 1).entity() == s.tok(i).entity()) {
      b--;
    }
    return b;
  }

  private static boolean approximate(SentenceView s, int first) {
    return approxStart(s, first) < first;
  }

  private static int approxStart(SentenceView s, int first) {
    String one = s.lower(first - 1);
    String two = s.lower(first - 2) + " " + one;
    if (APPROX_TWO.contains(two)) {
      return first - 2;
    }
    if (APPROX_ONE.contains(one)) {
      return first - 1;
    }
    return first;
  }

  private static String span(SentenceView s, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = Math.max(0, from); i < to && i < s.size(); i++) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(s.tok(i).word());
    }
    return b.toString();
  }

  private static Subject actorSubject(SentenceView s, int left, int predStart) {
    for (int i = predStart - 1; i >= Math.max(0, left - 6); i--) {
      Tok t = s.tok(i);
      if (OFFICIAL_NOUNS.contains(t.lemma())) {
        return Subject.OFFICIALS;
      }
      if (FUGITIVE_NOUNS.contains(t.lemma())) {
        return Subject.FUGITIVES;
      }
    }
    return Subject.UNSPECIFIED;
  }

  // ------------------------------------------------------------------------------------------------ money

  private Draft moneyDraft(SentenceView s, Cue p, int left, int right, ClaimKind kind, Attachment att,
      List<SentenceView> all) {
    MoneyMention best = null;
    int bestDist = Integer.MAX_VALUE;
    for (MoneyMention m : s.money) {
      int[] sp = s.span(m);
      if (sp[1] < left - 1 || sp[0] >= right) {
        continue;
      }
      int dist = sp[1] < p.start() ? p.start() - sp[1] : Math.max(0, sp[0] - p.end() + 1);
      if (dist <= 14 && dist < bestDist && !isConversionOfPrevious(s, m) && !caseSize(s, sp[1])) {
        best = m;
        bestDist = dist;
      }
    }
    double confidence = 0.75;
    if (best == null) {
      // "The funds were transferred to ...": the amount is the last one of the previous two sentences
      if (headlineLike(s) && att.destination() != null && hasAssetNoun(s)) {
        // a headline ("X returns fugitive's assets to China") names the country; the body gives the amount
        Draft d = new Draft();
        d.kind = kind;
        d.destination = att.destination();
        d.placeholder = true;
        d.confidence = 0.5;
        return d;
      }
      if (!REFERENCE.matcher(text(s)).find()) {
        return null;
      }
      for (int k = s.index - 1; k >= Math.max(0, s.index - 2) && best == null; k--) {
        List<MoneyMention> prev = all.get(k).money;
        for (MoneyMention m : prev) {
          if (!isConversionOfPrevious(all.get(k), m)) {
            best = m;
          }
        }
      }
      if (best == null) {
        return null;
      }
      confidence = 0.6;
    }
    if (kind == ClaimKind.MONEY_MOVED_ABROAD && att.codes.isEmpty() && !ABROAD.matcher(text(s)).find()) {
      return null; // laundered or moved, but nothing says it left the country
    }
    Draft d = new Draft();
    d.kind = kind;
    d.destination = att.destination();
    d.mentioned = att.mentioned();
    setMoney(d, best, findSentence(all, best));
    d.confidence = confidence;
    return d;
  }

  /** "a 485 million dollar embezzlement case", "the $1.1bn scandal": the size of a case, not money that moved. */
  private static boolean caseSize(SentenceView s, int lastTok) {
    for (int i = lastTok + 1; i <= lastTok + 4 && i < s.size(); i++) {
      String l = s.tok(i).lemma();
      if (l.equals("case") || l.equals("scandal") || l.equals("deal") || l.equals("fine") || l.equals("bail")) {
        return true;
      }
      if (l.equals(",") || l.equals("to") || l.equals("from") || l.equals("into")) {
        return false;
      }
    }
    return false;
  }

  private static final Pattern ABROAD = Pattern.compile(
      "(?i)\\b(?:abroad|overseas|offshore|foreign|out of the country|outside the country|tax havens?)\\b");

  /** A title or a headline line kept in the body: no closing full stop. */
  private static boolean headlineLike(SentenceView s) {
    String last = s.lower(s.size() - 1);
    return !(last.equals(".") || last.equals("!") || last.equals("?") || last.equals("''") || last.equals("\""));
  }

  private static boolean hasAssetNoun(SentenceView s) {
    return s.toks.stream().anyMatch(t -> ASSET_NOUNS.contains(t.lemma()));
  }

  private static SentenceView findSentence(List<SentenceView> all, MoneyMention m) {
    for (SentenceView s : all) {
      if (m.begin() >= s.begin && m.end() <= s.end) {
        return s;
      }
    }
    return null;
  }

  /** "800 billion yuan (about $123 billion)": the bracketed amount is the article's own conversion of the previous one. */
  private static boolean isConversionOfPrevious(SentenceView s, MoneyMention m) {
    return s != null && previousOf(s, m) != null;
  }

  private static MoneyMention previousOf(SentenceView s, MoneyMention m) {
    MoneyMention prev = null;
    for (MoneyMention o : s.money) {
      if (o.end() <= m.begin() && (prev == null || o.end() > prev.end())) {
        prev = o;
      }
    }
    if (prev == null) {
      return null;
    }
    int a = s.tokenAt(prev.end());
    int b = s.tokenAt(m.begin());
    for (int i = a; i < b; i++) {
      String w = s.lower(i);
      if (w.equals("-lrb-") || w.equals("(") || w.equals("or") || w.equals("about") || w.equals("roughly")
          || w.equals("approximately") || w.equals("around") || w.equals("some") || w.equals("nearly")) {
        return b - a <= 3 ? prev : null;
      }
    }
    return null;
  }

  private static MoneyMention conversionOf(SentenceView s, MoneyMention m) {
    if (s == null) {
      return null;
    }
    for (MoneyMention o : s.money) {
      if (o.begin() >= m.end() && previousOf(s, o) == m) {
        return o;
      }
    }
    return null;
  }

  private static void setMoney(Draft d, MoneyMention m, SentenceView s) {
    d.money = m;
    d.valueText = m.text();
    d.approximate = m.approximate();
    d.vagueMoney = m.amount() == null;
    MoneyMention conv = conversionOf(s, m);
    if (conv != null && "USD".equals(conv.currency()) && conv.amountUsd() != null && !"USD".equals(m.currency())) {
      d.usdOverride = conv.amountUsd();
    }
  }

  /** Money that went abroad with the people: "fled with $X", "taking with them $X", "stole $X and fled". */
  private static MoneyMention moneyTakenAlong(SentenceView s, Cue p, int left, int right) {
    for (MoneyMention m : s.money) {
      int[] sp = s.span(m);
      if (isConversionOfPrevious(s, m)) {
        continue;
      }
      if (sp[0] >= p.end() && sp[0] < right) {
        for (int i = p.end(); i < sp[0] && i < p.end() + 10; i++) {
          String w = s.lower(i);
          if (w.equals("with") || w.equals("taking") || w.equals("carrying")) {
            return m;
          }
        }
      }
      if (sp[0] >= p.end() && sp[0] < right && (s.lower(sp[1] + 1).equals("with")
          || s.lower(sp[1] + 2).equals("with") && s.lower(sp[1] + 1).equals("them"))) {
        for (int i = Math.max(p.end(), sp[0] - 3); i < sp[0]; i++) {
          String l = s.tok(i).lemma();
          if (l.equals("carry") || l.equals("take") || l.equals("bring")) {
            return m; // "and together they carried $X with them"
          }
        }
      }
      if (sp[1] < p.start() && sp[0] >= left) {
        boolean stolen = false;
        for (int i = Math.max(left, sp[0] - 4); i < sp[0]; i++) {
          String l = s.tok(i).lemma();
          stolen |= l.equals("steal") || l.equals("loot") || l.equals("embezzle") || l.equals("pocket")
              || l.equals("plunder");
        }
        boolean and = false;
        for (int i = sp[1] + 1; i < p.start(); i++) {
          and |= s.lower(i).equals("and");
        }
        if (stolen && and) {
          return m;
        }
      }
    }
    return null;
  }

  // ------------------------------------------------------------------------------------------------ article level

  /** How much an article is about each country: the fallback origin is the best one that is not the destination. */
  static final class Scores {
    final Map<String, Integer> score = new HashMap<>();
    /** The same weights per sentence index: an article about two countries' cases names each near its own case. */
    final Map<Integer, Map<String, Integer>> bySentence = new HashMap<>();

    String best(java.util.Collection<String> exclude) {
      return best(exclude, -1);
    }

    /** The article's country, with the owners and actors of the claim's own sentence weighing five times more. */
    String best(java.util.Collection<String> exclude, int sentence) {
      Map<String, Integer> combined = new HashMap<>(score);
      bySentence.getOrDefault(sentence, Map.of()).forEach((iso, w) -> combined.merge(iso, 5 * w, Integer::sum));
      return combined.entrySet().stream().filter(e -> !exclude.contains(e.getKey()))
          .max(Map.Entry.<String, Integer>comparingByValue()
              .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
          .map(Map.Entry::getKey).orElse(null);
    }
  }

  private static Scores countryScores(List<SentenceView> sentences, Article article) {
    Scores scores = new Scores();
    Map<String, Integer> score = scores.score;
    int titleEnd = article.title() == null ? 0 : article.title().strip().length();
    for (SentenceView s : sentences) {
      int lastEntity = -2;
      for (Tok t : s.toks) {
        if (t.iso() == null || t.entity() == lastEntity) {
          continue;
        }
        lastEntity = t.entity();
        // "Chinese officials", "a Venezuelan ex-official": demonyms name whose story it is more often than places do
        int w = t.nationality() ? 3 : 1;
        if (t.begin() < titleEnd) {
          w *= 2;
        }
        score.merge(t.iso(), w, Integer::sum);
        // locally, only owners and actors count ("Nigeria's", "Russian", "left Lagos"): a place after a preposition
        // ("to London", "from the US", "via Bangkok") is where someone went or came from
        int before = skipBack(s, t.i() - 1);
        if (t.nationality() || isPossessive(s, t.i()) || before < 0
            || !(s.tok(before).tag().equals("IN") || s.tok(before).tag().equals("TO"))) {
          scores.bySentence.computeIfAbsent(s.index, k -> new HashMap<>()).merge(t.iso(), w, Integer::sum);
        }
      }
    }
    return scores;
  }

  private static int skipBack(SentenceView s, int i) {
    int j = i;
    while (j >= 0 && (s.lower(j).equals("the") || s.lower(j).equals("a"))) {
      j--;
    }
    return j;
  }

  /** One fact, one claim; returns inherit a person's flight destination; vague figures give way to precise ones. */
  static List<Draft> merge(List<Draft> drafts) {
    Map<String, String> fledTo = new HashMap<>();
    for (Draft d : drafts) {
      if (d.kind == ClaimKind.OFFICIALS_FLED && d.person != null && d.destination != null) {
        fledTo.putIfAbsent(ClaimKeys.normaliseName(d.person), d.destination);
      }
    }
    for (Draft d : drafts) {
      if (d.kind == ClaimKind.OFFICIALS_RETURNED && d.person != null && d.destination == null
          && d.mentioned.isEmpty()) {
        String to = fledTo.get(ClaimKeys.normaliseName(d.person));
        if (to != null) {
          d.destination = to;
          d.confidence -= 0.1;
        }
      }
    }
    List<Draft> out = new ArrayList<>();
    Map<Draft, Integer> index = new LinkedHashMap<>();
    for (Draft d : drafts) {
      Draft same = out.stream().filter(o -> sameFact(o, d)).findFirst().orElse(null);
      if (same == null) {
        out.add(d);
        continue;
      }
      // keep the most specific figure
      if (specificity(d) > specificity(same)) {
        d.mentioned = union(d.mentioned, same.mentioned);
        out.set(out.indexOf(same), d);
      } else {
        same.mentioned = union(same.mentioned, d.mentioned);
      }
    }
    // a person's claim without destination gives way to one with
    out.removeIf(d -> d.person != null && d.destination == null && d.mentioned.isEmpty()
        && out.stream().anyMatch(o -> o != d && o.kind == d.kind && o.person != null && o.destination != null
            && ClaimKeys.normaliseName(o.person).equals(ClaimKeys.normaliseName(d.person))));
    // a vague amount gives way to a precise amount of the same kind and destination
    out.removeIf(d -> d.kind.isMoney() && d.vagueMoney && out.stream().anyMatch(o -> o != d && o.kind == d.kind
        && !o.vagueMoney && java.util.Objects.equals(o.destination, d.destination)));
    // a headline placeholder gives its destination to the one body amount of that kind without one
    for (Draft ph : List.copyOf(out)) {
      if (!ph.placeholder) {
        continue;
      }
      List<Draft> open = out.stream().filter(o -> !o.placeholder && o.kind == ph.kind && o.destination == null
          && o.mentioned.isEmpty()).toList();
      if (open.size() == 1) {
        open.get(0).destination = ph.destination;
      }
      out.remove(ph);
    }
    // an unnamed single official in one sentence and the one named person of that kind are one person
    for (ClaimKind k : List.of(ClaimKind.OFFICIALS_FLED, ClaimKind.OFFICIALS_RETURNED)) {
      List<Draft> named = out.stream().filter(o -> o.kind == k && o.person != null).toList();
      List<Draft> single = out.stream().filter(o -> o.kind == k && o.person == null && o.singular).toList();
      if (named.size() == 1 && single.size() == 1) {
        Draft n = named.get(0);
        Draft u = single.get(0);
        if (n.destination == null && n.mentioned.isEmpty()) {
          u.person = n.person;
          out.remove(n);
        } else if (u.destination == null || u.destination.equals(n.destination)) {
          out.remove(u);
        }
      }
    }
    index.clear();
    return out;
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

  private static boolean sameFact(Draft a, Draft b) {
    if (a.kind != b.kind || !java.util.Objects.equals(a.destination, b.destination)) {
      return false;
    }
    if (a.person != null || b.person != null) {
      return a.person != null && b.person != null
          && ClaimKeys.normaliseName(a.person).equals(ClaimKeys.normaliseName(b.person));
    }
    if (a.kind.isMoney()) {
      if (a.money == b.money) {
        return true;
      }
      BigDecimal ua = usd(a);
      BigDecimal ub = usd(b);
      if (ua == null || ub == null || ua.signum() <= 0 || ub.signum() <= 0) {
        return false;
      }
      double r = ua.doubleValue() / ub.doubleValue();
      return r > 1 / 1.5 && r < 1.5;
    }
    if (a.count == null || b.count == null) {
      return false;
    }
    return Math.abs(a.count - b.count) <= 0.1 * Math.max(a.count, b.count);
  }

  static BigDecimal usd(Draft d) {
    if (d.usdOverride != null) {
      return d.usdOverride;
    }
    return d.money == null ? null : d.money.amountUsd();
  }

  private static List<Claim> toClaims(List<Draft> drafts, String text, Article article) {
    List<Claim> out = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      Integer overlaps = null;
      if (d.overlapsWithDraft != null) {
        // the claim this one is a subset of: the previous claim of the same kind from the same sentence
        for (int k = i - 1; k >= 0; k--) {
          if (drafts.get(k).sentence == d.sentence && drafts.get(k).kind == d.kind) {
            overlaps = k;
            break;
          }
        }
      }
      SentenceView s = d.sentence;
      int qb = s.begin;
      int qe = Math.min(s.end, text.length());
      MoneyMention m = d.money;
      BigDecimal usd = usd(d);
      String rateSource = d.usdOverride != null ? "article" : m == null ? null : m.usdRateSource();
      Claim c = new Claim(article.id() + "#" + i, null, article.id(), article.contentHash(), d.kind,
          d.subject == null ? Subject.UNSPECIFIED : d.subject, d.origin, d.destination,
          d.destination == null ? d.mentioned : List.of(), d.kind.isMoney() ? null : d.count,
          m == null ? null : m.amount(), m == null ? null : m.low(), m == null ? null : m.high(),
          m == null ? null : m.currency(), d.valueText, usd == null ? null : usd.setScale(2, RoundingMode.HALF_EVEN),
          m == null ? null : scale(m.usdLow()), m == null ? null : scale(m.usdHigh()), rateSource, d.approximate,
          d.hedged, d.person, d.period, d.cumulative, overlaps, text.substring(qb, qe), qb, qe,
          Math.max(0.05, Math.min(1.0, d.confidence)), article.url(), article.source(), article.title(),
          article.publishedAt(), false);
      out.add(c.withKey(ClaimKeys.canonical(c)));
    }
    return out;
  }

  private static BigDecimal scale(BigDecimal v) {
    return v == null ? null : v.setScale(2, RoundingMode.HALF_EVEN);
  }

  // ------------------------------------------------------------------------------------------------ persons

  /** Full names seen so far, for "Dai" -> "Dai Xuemin" and he/she -> the last person named. */
  static final class Persons {
    private final List<String> fullNames = new ArrayList<>();
    private String last;

    String resolve(SentenceView s, int from, int to) {
      List<String> words = new ArrayList<>();
      for (int i = from; i < to; i++) {
        words.add(s.tok(i).word());
      }
      String name = String.join(" ", words);
      if (words.size() == 1) {
        // the first person of that name: articles introduce their main subject first
        for (String full : fullNames) {
          if (List.of(full.split(" ")).contains(name)) {
            return full;
          }
        }
      }
      return name;
    }

    /** The person a he/she at token {@code before} refers to: the last one named earlier in the sentence, else before. */
    String lastBefore(SentenceView s, int before) {
      for (int i = before - 1; i >= 0; i--) {
        if (s.tok(i).isPerson()) {
          int b = i;
          while (b - 1 >= 0 && s.tok(b - 1).isPerson() && s.tok(b - 1).entity() == s.tok(i).entity()) {
            b--;
          }
          return resolve(s, b, i + 1);
        }
      }
      return last;
    }

    void observe(SentenceView s) {
      String firstInSentence = null;
      int i = 0;
      while (i < s.size()) {
        Tok t = s.tok(i);
        if (!t.isPerson()) {
          i++;
          continue;
        }
        int j = i;
        while (j + 1 < s.size() && s.tok(j + 1).isPerson() && s.tok(j + 1).entity() == t.entity()) {
          j++;
        }
        String name = resolve(s, i, j + 1);
        if (name.contains(" ") && !fullNames.contains(name)) {
          fullNames.add(name);
        }
        if (firstInSentence == null) {
          firstInSentence = name;
        }
        i = j + 1;
      }
      if (firstInSentence != null) {
        last = firstInSentence; // he/she usually continues the previous sentence's subject, its first person
      }
    }

    @Override
    public String toString() {
      return fullNames.toString().toLowerCase(Locale.ROOT);
    }
  }
}
