package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.ling.tokensregex.CoreMapExpressionExtractor;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.MoneyMention;
import io.flightwatch.common.Subject;
import io.flightwatch.nlp.extract.ActorReader.Actor;
import io.flightwatch.nlp.extract.PlaceReader.Places;
import io.flightwatch.nlp.extract.RoleReader.Role;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 3-4 for one sentence: its predicates (TokensRegex, {@code triggers.rules}), their roles (Semgrex,
 * {@link RoleReader}) and arguments ({@link PlaceReader}, {@link ActorReader}, {@link MoneyReader}) become drafts.
 *
 * <pre>
 *   "Guatemala's former president, who left for Mexico in 2004, was extradited home in 2008."
 *     left (FLED_WEAK, no fugitive context)   no claim
 *     extradited (RETURNED)                   actor = the president (one official), origin GT (owner), from: none
 * </pre>
 * Not thread-safe (the TokensRegex extractor is not): one per annotator.
 */
final class FrameReader {

  static final String RULES = "io/flightwatch/nlp/extract/triggers.rules";
  private static final Set<String> TOWARDS = Set.of("to", "for", "in", "into");
  private static final Set<String> KIND_LABELS = Set.of("FLED", "FLED_WEAK", "RETURNED", "RETURN_AMBIG", "MOVED",
      "RECOVERED", "CAPTURED");

  /** A predicate or cue found by the rules, as a token span of its sentence. */
  record Cue(String label, int start, int end) {}

  private final CoreMapExpressionExtractor<MatchedExpression> rules;
  private final Lexicon lexicon;
  private final RoleReader roles;
  private final PlaceReader places;
  private final ActorReader actors;
  private final MoneyReader money;

  FrameReader(Lexicon lexicon, RoleReader roles) {
    Env env = TokenSequencePattern.getNewEnv();
    this.rules = CoreMapExpressionExtractor.createExtractorFromFiles(env, RULES);
    this.lexicon = lexicon;
    this.roles = roles;
    this.places = new PlaceReader(lexicon);
    this.actors = new ActorReader(lexicon);
    this.money = new MoneyReader(lexicon);
  }

  private static final java.util.regex.Pattern MONEY_REFERENCE = java.util.regex.Pattern.compile(
      "(?i)\\b(?:the|these|those|such|this|that) (?:funds|money|assets|proceeds|sums?|cash|amount)\\b");

  /**
   * Drafts of one sentence; {@code earlier} is the last amount of the previous two sentences, for "the funds were
   * transferred to ..." (null if none).
   */
  List<Draft> read(SentenceView s, References refs, OriginScorer scorer, Earlier earlier) {
    List<Cue> cues = cues(s);
    List<Cue> preds = coalesce(cues.stream().filter(c -> KIND_LABELS.contains(c.label())).toList());
    boolean hedgedSentence = cues.stream().anyMatch(c -> c.label().equals("HEDGE"));
    List<Draft> out = new ArrayList<>();
    Cue lastBlocked = null;
    for (Cue p : preds) {
      if (blocked(s, p, cues) || continuesBlocked(s, lastBlocked, p)) {
        // "a campaign to hunt down 50 officials at large abroad": the second predicate belongs to the purpose too
        lastBlocked = p;
        continue;
      }
      int head = head(s, p);
      ClaimKind kind = kindOf(s, p, head);
      Map<Role, List<IndexedWord>> r = roles.read(s.graph, head, kind);
      if (r.containsKey(Role.NEG) || r.getOrDefault(Role.BLOCK, List.of()).stream()
          .anyMatch(w -> lexicon.has(Lexicon.BLOCKERS, w.lemma()))) {
        continue;
      }
      // a second predicate coalesced into this one ("fled ... and settled in X") lends its roles
      if (p.end() - p.start() > 1) {
        for (int i = p.start() + 1; i < p.end(); i++) {
          roles.read(s.graph, i, kind).forEach((role, args) -> r.merge(role, args, (a, b) -> {
            List<IndexedWord> u = new ArrayList<>(a);
            b.stream().filter(w -> !u.contains(w)).forEach(u::add);
            return u;
          }));
        }
      }
      boolean hedged = hedgedSentence || r.containsKey(Role.HEDGE);
      List<Draft> drafts = kind.isMoney() ? moneyFrame(s, kind, head, r, earlier)
          : peopleFrame(s, p, kind, head, r, refs);
      for (Draft d : drafts) {
        d.hedged = hedged;
        finish(d, s, r, scorer);
      }
      out.addAll(drafts);
    }
    return out;
  }

  private ClaimKind kindOf(SentenceView s, Cue p, int head) {
    return switch (p.label()) {
      case "FLED", "FLED_WEAK" -> ClaimKind.OFFICIALS_FLED;
      case "RETURNED", "CAPTURED" -> ClaimKind.OFFICIALS_RETURNED;
      case "MOVED" -> ClaimKind.MONEY_MOVED_ABROAD;
      case "RECOVERED" -> ClaimKind.MONEY_RECOVERED;
      default -> assetsNearer(s, p) ? ClaimKind.MONEY_RECOVERED : ClaimKind.OFFICIALS_RETURNED;
    };
  }

  private List<Draft> peopleFrame(SentenceView s, Cue p, ClaimKind kind, int head, Map<Role, List<IndexedWord>> r,
      References refs) {
    if (p.label().equals("FLED_WEAK") && !fugitiveContext(s) && !refs.previousAboutFugitives()) {
      return List.of();
    }
    Actor actor = actors.read(s, r.get(Role.ACTOR), head, refs, kind == ClaimKind.OFFICIALS_RETURNED);
    List<Draft> out = new ArrayList<>();
    MoneyMention taken = kind == ClaimKind.OFFICIALS_FLED ? money.takenAlong(s, head) : null;
    if (actor == null || p.label().equals("CAPTURED") && actor.subject != Subject.FUGITIVES
        && actor.subject != Subject.OFFICIALS) {
      if (taken != null) {
        out.add(takenDraft(s, taken, null, Subject.UNSPECIFIED, r));
      }
      return out;
    }
    Places dest = destination(s, kind, head, r);
    if (dest.codes().isEmpty() && refs.lastPlace() != null && r.getOrDefault(Role.DEST, List.of()).stream()
        .anyMatch(w -> w.word().equalsIgnoreCase("there"))) {
      dest = new Places(List.of(refs.lastPlace()), false); // "They fled there"
    }
    List<Draft> main = new ArrayList<>();
    if (!actor.persons.isEmpty()) {
      for (String person : actor.persons) {
        Draft d = new Draft(kind, s);
        d.person = person;
        d.count = 1L;
        d.valueText = person;
        d.subject = Subject.OFFICIALS;
        d.confidence = 0.8;
        main.add(d);
      }
    } else {
      Draft d = new Draft(kind, s);
      d.count = actor.count;
      d.valueText = actor.text;
      d.approximate = actor.approximate;
      d.subject = actor.subject;
      d.singular = actor.singular;
      d.confidence = actor.singular ? 0.6 : 0.75;
      main.add(d);
    }
    for (Draft d : main) {
      setPlaces(d, dest, s);
      if (p.label().equals("FLED_WEAK")) {
        d.confidence -= 0.2;
      }
    }
    out.addAll(main);
    if (taken != null) {
      Draft first = main.get(0);
      out.add(takenDraft(s, taken, first.person, first.subject, r));
    }
    return out;
  }

  private Places destination(SentenceView s, ClaimKind kind, int head, Map<Role, List<IndexedWord>> r) {
    if (kind == ClaimKind.OFFICIALS_FLED || kind == ClaimKind.MONEY_MOVED_ABROAD) {
      Places to = places.read(s, r.get(Role.DEST));
      Places via = places.read(s, r.get(Role.VIA));
      List<String> codes = new ArrayList<>(to.codes());
      codes.removeAll(via.codes());
      if (codes.isEmpty() && !r.containsKey(Role.DEST)) {
        codes.addAll(places.after(s, head, TOWARDS));
      }
      return new Places(codes, to.home());
    }
    Places from = places.read(s, r.get(Role.SOURCE));
    if (!from.codes().isEmpty()) {
      return from;
    }
    if (!r.containsKey(Role.SOURCE)) {
      List<String> after = places.after(s, head, Set.of("from"));
      if (!after.isEmpty()) {
        return new Places(after, false);
      }
    }
    Tok verb = s.tok(head);
    if (verb != null && lexicon.has(Lexicon.GIVE_BACK, verb.lemma()) && r.containsKey(Role.GIVER)) {
      // "Spain extradited him", "Switzerland has sent back $77.5 million": the giver is where they were
      List<IndexedWord> givers = r.get(Role.GIVER).stream().filter(w -> {
        Tok t = s.tok(w.index() - 1);
        return t != null && t.isPlace() && !PlaceReader.possessive(s, t.i());
      }).toList();
      if (givers.isEmpty()) {
        // "Swiss authorities returned ...", "British police deported ...": the nationality of the giver
        for (IndexedWord w : r.get(Role.GIVER)) {
          for (IndexedWord c : s.graph.getChildren(w)) {
            Tok t = s.tok(c.index() - 1);
            if (t != null && t.nationality() && c.index() < w.index()) {
              return new Places(List.of(t.iso()), false);
            }
          }
        }
      }
      return places.read(s, givers);
    }
    return Places.NONE;
  }

  /** An amount of an earlier sentence, with that sentence (for its bracketed conversion). */
  record Earlier(MoneyMention money, SentenceView sentence) {}

  private List<Draft> moneyFrame(SentenceView s, ClaimKind kind, int head, Map<Role, List<IndexedWord>> r,
      Earlier earlier) {
    MoneyMention m = money.amountFor(s, head, r.get(Role.THEME));
    SentenceView home = s;
    if (m == null && earlier != null && MONEY_REFERENCE.matcher(s.text()).find()) {
      m = earlier.money();
      home = earlier.sentence();
    }
    if (m == null) {
      return List.of();
    }
    Places dest = destination(s, kind, head, r);
    if (kind == ClaimKind.MONEY_MOVED_ABROAD && dest.codes().isEmpty()) {
      dest = accountsIn(s);
      if (dest.codes().isEmpty() && !money.saysAbroad(s)) {
        return List.of(); // laundered or moved, but nothing says it left the country
      }
    }
    Draft d = new Draft(kind, s);
    MoneyReader.setMoney(d, m, home);
    d.confidence = home == s ? 0.75 : 0.6;
    d.subject = Subject.UNSPECIFIED;
    setPlaces(d, dest, s);
    return List.of(d);
  }

  private Draft takenDraft(SentenceView s, MoneyMention taken, String person, Subject subject,
      Map<Role, List<IndexedWord>> r) {
    Draft d = new Draft(ClaimKind.MONEY_MOVED_ABROAD, s);
    MoneyReader.setMoney(d, taken, s);
    d.person = person;
    d.subject = subject;
    d.confidence = 0.7;
    setPlaces(d, places.read(s, r.get(Role.DEST)), s);
    return d;
  }

  /** "a bank in Latvia", "accounts in Cyprus, France and the US" anywhere in a money sentence. */
  private Places accountsIn(SentenceView s) {
    Set<String> codes = new LinkedHashSet<>();
    for (int k = 0; k + 2 < s.size(); k++) {
      String l = s.tok(k).lemma();
      if ((l.equals("bank") || l.equals("account")) && s.lower(k + 1).equals("in")) {
        for (int j = k + 2; j < s.size() && j < k + 14; j++) {
          Tok t = s.tok(j);
          if (t.isPlace()) {
            codes.add(t.iso());
          } else if (!(t.lower().equals(",") || t.lower().equals("and") || t.lower().equals("the")
              || t.lower().equals("or"))) {
            break;
          }
        }
      }
    }
    return new Places(new ArrayList<>(codes), false);
  }

  private void setPlaces(Draft d, Places p, SentenceView s) {
    List<String> codes = p.codes();
    boolean partial = false;
    for (int i = 0; i < s.size(); i++) {
      partial |= lexicon.has(Lexicon.PARTIAL, s.lower(i)) && i + 1 < s.size() && (s.tok(i + 1).isPlace()
          || s.lower(i + 1).equals("to") || s.lower(i + 1).equals("in") || s.lower(i + 1).equals("as"));
    }
    if (codes.size() == 1 && !partial) {
      d.destination = codes.get(0);
    } else {
      d.mentioned = new ArrayList<>(codes);
    }
  }

  /** Origin: stated ("fled Egypt", "extradited to Guatemala"), else a demonym or owner of the actor, else the article. */
  private void finish(Draft d, SentenceView s, Map<Role, List<IndexedWord>> r, OriginScorer scorer) {
    Places stated = d.kind == ClaimKind.OFFICIALS_FLED || d.kind == ClaimKind.MONEY_MOVED_ABROAD
        ? places.read(s, r.get(Role.ORIGIN)) : places.read(s, r.get(Role.HOME));
    List<String> away = new ArrayList<>(d.mentioned);
    if (d.destination != null) {
      away.add(d.destination);
    }
    away.addAll(places.read(s, r.get(Role.VIA)).codes()); // a transit stop is no one's home
    String origin = stated.codes().stream().filter(c -> !away.contains(c)).findFirst().orElse(null);
    if (origin == null) {
      origin = scorer.best(away, s.index);
    }
    if (origin == null && d.money != null) {
      origin = CurrencyCountries.countryOf(d.money.currency()); // "2 billion naira" -> NG
    }
    d.origin = origin;
    if (d.destination != null && d.destination.equals(d.origin)) {
      d.destination = null;
    }
    d.mentioned.remove(d.origin);
    if (d.hedged) {
      d.confidence -= 0.2;
    }
    if (d.destination == null && d.mentioned.isEmpty()) {
      d.confidence -= 0.1;
    }
  }

  /** The token that carries the predicate: its first verb, else its first noun, else its first token. */
  private static int head(SentenceView s, Cue p) {
    for (int i = p.start(); i < p.end(); i++) {
      if (s.tok(i).tag().startsWith("VB")) {
        return i;
      }
    }
    for (int i = p.start(); i < p.end(); i++) {
      if (s.tok(i).tag().startsWith("NN")) {
        return i;
      }
    }
    return p.start();
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

  /** "fled to Bangkok and settled in Perth": flight predicates a few words apart are one predicate. */
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

  /** Negated, intended, prevented or purpose-only predicates state no fact (surface check; the parse adds NEG/BLOCK). */
  private static boolean blocked(SentenceView s, Cue p, List<Cue> cues) {
    for (Cue c : cues) {
      if ((c.label().equals("NEGATION") || c.label().equals("INTENT") || c.label().equals("MODAL"))
          && c.start() < p.start() && p.start() - c.end() <= 2) {
        return true;
      }
    }
    String prev = s.lower(p.start() - 1);
    Tok first = s.tok(p.start());
    Tok before = s.tok(p.start() - 2);
    if ((prev.equals("of") || prev.equals("in") || prev.equals("for") || prev.equals("on"))
        && first.tag().equals("VBG") && before != null && before.tag().startsWith("NN")) {
      return true; // "the process of extraditing X": an activity, not an event
    }
    if (prev.equals("from") && first.lower().endsWith("ing")) {
      return true; // "stop officials from fleeing"
    }
    return prev.equals("to") && first.tag().equals("VB") && before != null && !before.tag().startsWith("VB")
        && !before.tag().equals("MD");
  }

  /** A predicate within a few words after a blocked one, with no clause break between, shares its fate. */
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

  /** For "return"/"repatriate": money or an asset noun closer to the predicate than any person or people noun. */
  private boolean assetsNearer(SentenceView s, Cue p) {
    int assetDist = Integer.MAX_VALUE;
    int personDist = Integer.MAX_VALUE;
    for (int i = Math.max(0, p.start() - 12); i < Math.min(s.size(), p.end() + 8); i++) {
      Tok t = s.tok(i);
      int dist = i < p.start() ? p.start() - i : i - p.end() + 1;
      boolean isMoney = lexicon.has(Lexicon.ASSETS, t.lemma()) || "MONEY".equals(t.ner());
      if (isMoney) {
        assetDist = Math.min(assetDist, dist);
      }
      boolean owner = s.lower(i + 1).equals("'s") || s.lower(i + 1).equals("’s");
      if (!owner && (t.isPerson() || t.lower().equals("he") || t.lower().equals("she") || t.lower().equals("they")
          || lexicon.has(Lexicon.OFFICIALS, t.lemma()) || lexicon.has(Lexicon.FUGITIVES, t.lemma()))) {
        personDist = Math.min(personDist, dist);
      }
    }
    return assetDist < personDist;
  }

  /** Living or settling somewhere is flight only when the sentence is about fugitives or the corrupt. */
  static boolean fugitiveContext(SentenceView s) {
    for (Tok t : s.toks) {
      String w = t.lower();
      if (t.lemma().equals("fugitive") || w.startsWith("corrupt") || w.equals("most-wanted") || w.equals("wanted")
          || w.equals("ousted") || w.equals("exiled") || w.equals("exile") || w.startsWith("defect")
          || w.equals("escape") || w.equals("evade") || w.equals("avoid") || w.equals("asylum")) {
        return true;
      }
    }
    return false;
  }
}
