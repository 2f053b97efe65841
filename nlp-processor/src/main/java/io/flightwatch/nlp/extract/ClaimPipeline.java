package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import io.flightwatch.common.Article;
import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.MoneyMention;
import io.flightwatch.nlp.text.Normalized;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The claim extractor, as stages over one annotated article:
 * <ol>
 *   <li>candidate sentences ({@link CandidateFilter});
 *   <li>their dependency parse, and only theirs ({@link NlpPipeline#parse});
 *   <li>predicates and roles ({@link FrameReader}: TokensRegex triggers, Semgrex roles in {@link RoleReader});
 *   <li>arguments: places, people and counts, money ({@link PlaceReader}, {@link ActorReader}, {@link MoneyReader});
 *   <li>references to people named earlier ({@link References}); where a person's return came from
 *       ({@link Whereabouts});
 *   <li>lists distributed over countries ({@link Coordination}), shares of an amount held by one person
 *       ({@link MoneyShares});
 *   <li>the article's claims: recoveries at home dropped ({@link DomesticRecoveries}), one fact one claim, overlaps
 *       ({@link ArticleAssembler}).
 * </ol>
 * Not thread-safe: one per annotator (per stream thread).
 */
final class ClaimPipeline {

  private final NlpPipeline nlp;
  private final CandidateFilter candidates;
  private final FrameReader frames;
  private final Coordination coordination;
  private final MoneyShares shares = new MoneyShares();
  private final Whereabouts whereabouts = new Whereabouts();
  private final RequestedParty requested = new RequestedParty();
  private final ArticleAssembler assembler;
  private final Lexicon lexicon;
  private final MoneyReader moneyWords;

  ClaimPipeline(NlpPipeline nlp, Lexicon lexicon, RoleReader roles, MoneyFinder money) {
    this.assembler = new ArticleAssembler(money);
    this.lexicon = lexicon;
    this.moneyWords = new MoneyReader(lexicon);
    this.nlp = nlp;
    this.candidates = new CandidateFilter(lexicon);
    this.frames = new FrameReader(lexicon, roles);
    this.coordination = new Coordination(lexicon);
  }

  /** The number of sentences parsed by the last call (for the processing info and the bench). */
  private int parsed;

  int parsedSentences() {
    return parsed;
  }

  List<Claim> extract(Annotation doc, Normalized text, Article article, EntityIndex entities,
      List<MoneyMention> money) {
    Read read = read(doc, article, entities, money, new References());
    if (read.drafts().isEmpty()) {
      return List.of();
    }
    shares.add(read.sentences(), read.drafts());
    BackToExile.drop(read.drafts());
    FlightsInReturns.apply(read.drafts());
    whereabouts.fill(read.sentences(), read.drafts());
    whereabouts.fillFlights(read.sentences(), read.drafts(), read.scorer());
    LaterLegs.apply(read.sentences(), read.drafts());
    TakenAlongPlaces.fill(read.drafts());
    requested.fill(read.sentences(), read.drafts());
    DomesticRecoveries.drop(read.sentences(), read.drafts(), lexicon, moneyWords);
    return assembler.assemble(read.drafts(), text, article);
  }

  /** The sentences of an article with the drafts its frames read. */
  private record Read(List<SentenceView> sentences, List<Draft> drafts, OriginScorer scorer) {}

  private Read read(Annotation doc, Article article, EntityIndex entities, List<MoneyMention> money,
      References refs) {
    List<CoreMap> maps = doc.get(CoreAnnotations.SentencesAnnotation.class);
    List<SentenceView> plain = views(maps, entities, money);
    // only sentences with a claim predicate are parsed: the parse is the costliest step per sentence
    Map<Integer, Predicates.Found> found = predicates(plain, refs.previousAboutFugitives());
    List<CoreMap> chosen = found.keySet().stream().sorted().map(i -> plain.get(i).map).toList();
    parsed = chosen.size();
    if (chosen.isEmpty()) {
      return new Read(plain, List.of(), null);
    }
    nlp.parse(chosen);
    // the parsed sentences get new views (with their graph); the others keep theirs
    List<SentenceView> sentences = new ArrayList<>(plain);
    for (int i : found.keySet()) {
      SentenceView p = plain.get(i);
      sentences.set(i, new SentenceView(i, p.map, p.toks, p.money));
    }
    int titleEnd = article.title() == null ? 0 : article.title().strip().length();
    OriginScorer scorer = new OriginScorer(sentences, titleEnd);
    List<Draft> drafts = new ArrayList<>();
    MoneyFrame.Earlier earlier = null;
    int earlierAge = 0;
    Draft group = null;
    int groupAge = 0;
    Draft sum = null;
    boolean flightTalk = false;
    for (SentenceView s : sentences) {
      boolean fled = false;
      int before = drafts.size();
      if (s.graph != null && found.containsKey(s.index)) {
        List<Draft> read = frames.read(s, found.get(s.index), refs, scorer, earlier);
        List<Draft> each = EachCounts.split(s, read); // "Bulgaria and Malaysia returned one suspect each"
        for (Draft d : List.copyOf(read)) {
          if (each.contains(d)) {
            continue;
          }
          coordination.distribute(d, read, scorer);
          coordination.subsets(d, read);
        }
        RespectiveNames.apply(s, read);
        MoneyGapping.split(s, read);
        MoneyRespectively.split(s, read);
        RankedParts.split(s, read, scorer);
        PeopleGapping.split(s, read, scorer);
        MoneyParts.within(s, read);
        PlacedSums.split(s, read, scorer); // "to accounts in Latvia ($120 million), Lithuania ($45 million) and ..."
        JoinedSums.align(s, read); // "recovered $5 million and €3 million from Switzerland"
        coordination.dropMannerParts(s, read);
        // "... transferred $6.8 million to accounts in Dubai. The money was routed through Abuja before it was wired
        // abroad": an amount of an earlier sentence already sent somewhere is that fact again
        read.removeIf(d -> d.kind == ClaimKind.MONEY_MOVED_ABROAD && d.money != null && d.sentence == s
            && !s.money.contains(d.money) && drafts.stream().anyMatch(o -> o.kind == d.kind && o.money == d.money
            && o.destination != null));
        // "recovered 3.46 billion yuan in illicit funds that had been siphoned overseas": the recovered money's past,
        // with no country of its own, is not a second fact; "The United States has returned $1 million to Peru that
        // was embezzled and hidden abroad" says where it had been
        MoneyParts.placeAtGiver(read);
        read.removeIf(d -> d.kind == ClaimKind.MONEY_MOVED_ABROAD && d.money != null && d.destination == null
            && d.mentioned.isEmpty() && read.stream().anyMatch(o -> o.kind == ClaimKind.MONEY_RECOVERED
            && o.money == d.money));
        Destinations.onwardLegs(s, read);
        drafts.addAll(read);
        read.stream().filter(d -> d.kind == ClaimKind.OFFICIALS_FLED && d.person != null)
            .forEach(d -> refs.journeys.fled(d.person, d.origin));
        // "Dozens of leaders fled": a flight word, even of no one counted, makes the next sentence a fugitive's
        fled = read.stream().anyMatch(d -> d.kind == ClaimKind.OFFICIALS_FLED)
            || Predicates.officialsFlight(s, found.get(s.index), lexicon);
      }
      if (drafts.size() == before) {
        // "Canada is the top haven for corrupt officials, with 40, followed by the United States with 25"
        RankedParts.lead(s, drafts, scorer, lexicon);
      }
      if (drafts.size() == before) {
        YearSeries.read(s, found.get(s.index), drafts, scorer, lexicon); // "fell from 87 in 2016 to 12 last year"
      }
      OrdinalTallies.read(s, drafts, scorer); // "Zhou is the 52nd fugitive from the list to come back home"
      if (drafts.size() == before && flightTalk) {
        NamedMembers.examples(s, scorer, drafts); // "Defections have grown. A and B were cited as examples."
      }
      flightTalk = NamedMembers.flightTalk(s);
      if (drafts.size() == before && s.index > 0) {
        // "... has recovered money from several countries. $120,000 from Germany, $3.4 million from France."
        ListedSums.after(sentences.get(s.index - 1), s, drafts, scorer);
      }
      if (group != null && drafts.size() > before) {
        coordination.breakdownAfter(group, s, drafts.subList(before, drafts.size()));
      }
      // "... 612 fugitives were brought back. They included 87 ...", also beside money: "Among them, 2,999 were party
      // members, and 66 billion yuan was recovered"
      if (group != null && drafts.subList(before, drafts.size()).stream().allMatch(d -> d.kind.isMoney())) {
        coordination.subsetsAfter(group, s, drafts);
        NamedMembers.after(group, s, drafts); // "... The offenders included A, B and C."
      }
      if (sum != null && drafts.size() == before) {
        MoneyParts.after(sum, s, drafts); // "... received $148.5 million. Of the sum, $98 million came from ..."
      }
      sum = drafts.subList(before, drafts.size()).stream().filter(d -> d.kind == ClaimKind.MONEY_RECOVERED
          && d.money != null && d.overlaps == null).reduce((a, b) -> b).orElse(null);
      Draft latest = drafts.subList(before, drafts.size()).stream().filter(d -> !d.kind.isMoney() && d.person == null
          && !d.singular && d.count != null && d.count > 2 && d.overlaps == null).reduce((a, b) -> b).orElse(null);
      // "... brought back 86 fugitives. The number was up from 71. By destination, ...": one sentence with no claim of
      // its own may stand between a group and its breakdown
      // a sentence of the group's parts only ("The UAE accounted for 58 of them") keeps it for the next one
      Draft whole = group;
      boolean partsOnly = whole != null && drafts.size() > before
          && drafts.subList(before, drafts.size()).stream().allMatch(d -> d.overlaps == whole);
      groupAge = latest != null || partsOnly ? 0 : drafts.size() == before ? groupAge + 1 : 2;
      group = latest != null ? latest : groupAge <= 1 ? group : null;
      refs.observe(s);
      // "He fled in 2012. He now lives in Orange County.": a flight makes the next sentence a fugitive's too
      if (!datelineOnly(s)) {
        refs.aboutFugitives(fled || FugitiveContext.in(s)); // a dateline does not end the headline's story
        if (FugitiveContext.in(s)) {
          refs.journeys.wantedIn(s);
        }
      }
      // "the money" refers to the last amount told within three sentences ("got $12.5 million ... The sum was paid
      // into ... The minister welcomed it. Officials said the money returned to Egypt had been in a Cypriot bank")
      earlierAge++;
      for (MoneyMention m : s.money) {
        if (MoneyReader.previousOf(s, m) == null) {
          earlier = new MoneyFrame.Earlier(m, s);
          earlierAge = 0;
        }
      }
      earlier = earlierAge < 3 ? earlier : null;
    }
    // "... Ablyazov was tracked down in France. ... Ablyazov, a former Kazakh minister, ...": a home the article states
    // later holds for the person's earlier claims too
    // "A former governor has been extradited from Dubai to London ... Musa Okafor was extradited shortly before polling
    // day": the bare extradition of one person is the journey on to a third country told again, not a return home
    drafts.removeIf(d -> d.kind == ClaimKind.OFFICIALS_RETURNED && !d.originStated
        && (d.person != null || d.count != null && d.count == 1)
        && refs.journeys.wasSentOnward(d.person == null ? "" : d.person)
        && d.sentence.toks.stream().noneMatch(t -> t.isPlace() && !java.util.Objects.equals(t.iso(), d.actorOrigin)));
    for (Draft d : drafts) {
      String home = d.person == null || d.originStated ? null : refs.homeOf(d.person);
      if (home != null && !home.equals(d.destination)) {
        d.origin = home;
        d.originStated = true;
      }
    }
    scorer.reguess(drafts);
    LedeNames.apply(sentences, drafts);
    return new Read(sentences, drafts, scorer);
  }

  /**
   * True when this annotated text, read on its own, gives a claim draft: the annotator asks it of an article's gated
   * sentences before annotating the whole article. References to people named elsewhere resolve leniently
   * ({@link References#lenient()}), so a part reads at least what the whole article would.
   */
  boolean readsAClaim(Annotation doc, Article article, EntityIndex entities, List<MoneyMention> money) {
    return !read(doc, article, entities, money, References.lenient()).drafts().isEmpty();
  }

  /** The candidate sentences with a claim predicate, by sentence index. */
  private Map<Integer, Predicates.Found> predicates(List<SentenceView> plain, boolean lenient) {
    Map<Integer, Predicates.Found> found = new HashMap<>();
    boolean fugitivesBefore = false;
    boolean fugitivesLast = false;
    Journeys sought = new Journeys(); // "... the extradition of X ... X is in Moscow": where a sought man is
    for (SentenceView s : plain) {
      boolean fled = false;
      if (candidates.isCandidate(s)) {
        Predicates.Found f = frames.predicates(s, fugitivesBefore || sought.namesWanted(s));
        if (!f.predicates().isEmpty()) {
          found.put(s.index, f);
        }
        fled = Predicates.officialsFlight(s, f, lexicon);
      }
      // "Dozens of party leaders fled. Former ministers have been spotted in India.": a flight makes the next
      // sentence's whereabouts a fugitive's
      boolean here = fled || FugitiveContext.in(s);
      if (here) {
        sought.wantedIn(s);
      }
      fugitivesBefore = lenient || here || fugitivesLast; // one sentence may stand between
      fugitivesLast = here;
    }
    return found;
  }

  /** "COLOMBO -", "KUALA LUMPUR:", split off its sentence ({@link CoreNlpAnnotator#breakDatelines}). */
  private static boolean datelineOnly(SentenceView s) {
    String last = s.size() == 0 ? "" : s.lower(s.size() - 1);
    return s.size() <= 10 && (last.equals("-") || last.equals("--") || last.equals("—") || last.equals("–")
        || last.equals(":") && s.tok(0).word().equals(s.tok(0).word().toUpperCase(java.util.Locale.ROOT)));
  }

  private static List<SentenceView> views(List<CoreMap> maps, EntityIndex entities, List<MoneyMention> money) {
    List<SentenceView> out = new ArrayList<>(maps.size());
    int idx = 0;
    for (CoreMap s : maps) {
      int b = s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
      int e = s.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
      List<MoneyMention> inSentence = money.stream().filter(m -> m.begin() >= b && m.end() <= e).toList();
      out.add(new SentenceView(idx++, s, SentenceView.tokens(s, entities), inSentence));
    }
    return out;
  }
}
