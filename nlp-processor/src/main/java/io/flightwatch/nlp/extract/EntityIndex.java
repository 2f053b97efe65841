package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import io.flightwatch.common.EntityMention;
import io.flightwatch.nlp.geo.CountryResolver;
import io.flightwatch.nlp.geo.Gazetteer;
import io.flightwatch.nlp.geo.CountryResolver.Place;
import io.flightwatch.nlp.geo.CountryResolver.PlaceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entity mentions of a document: consecutive tokens with one NER tag form a mention; places and nationalities get
 * their ISO code from {@link CountryResolver} (and a LOCATION the tables know is re-typed as COUNTRY/CITY/...), numbers
 * and money keep CoreNLP's normalised value.
 */
final class EntityIndex {

  static final Set<String> KEPT = Set.of("PERSON", "ORGANIZATION", "LOCATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE",
      "NATIONALITY", "TITLE", "MONEY", "NUMBER", "DATE");
  private static final Set<String> PLACE_TYPES = Set.of("LOCATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE",
      "NATIONALITY", "ORGANIZATION", "MISC");

  /** {@code owner}: the country an organisation's name contains ("Foreign Ministry of Norway": NO), else null. */
  /** A region named with its generic word, which the NER often tags as an organisation. */
  private static final java.util.regex.Pattern REGION = java.util.regex.Pattern.compile(
      "(\\p{Lu}[\\p{L}-]+(?: \\p{Lu}[\\p{L}-]+)?) (?:State|Province|Region|County|Prefecture|Oblast|Governorate)");

  record Slot(String type, String iso, Double number, int entity, String owner) {}

  private final List<EntityMention> mentions = new ArrayList<>();
  private final Map<Integer, Slot> byTokenBegin = new HashMap<>();

  /** A French, Catalan or Italian elision before a name: "d'Andorra", "l'Etat". */
  private static final java.util.regex.Pattern ELISION = java.util.regex.Pattern.compile("^[dDlL]['\u2019]");
  /** NER types a gazetteer look-up may resolve (never persons, organisations or misc: "Hanbo Group", "Lincoln"). */
  private static final Set<String> GAZETTEER_TYPES = Set.of("LOCATION", "CITY", "STATE_OR_PROVINCE", "COUNTRY");

  /** "the South" in a story of Korea: short form, its country and the word the article must contain. */
  private static final List<String[]> SHORT_FORMS = ResourceLines.read("/io/flightwatch/nlp/geo/short-forms.tsv")
      .stream().map(l -> l.text().split("\t")).toList();

  private final Gazetteer gazetteer;
  private final CountryResolver places;
  private final Set<String> context = new java.util.HashSet<>();

  EntityIndex(Annotation doc, String text, CountryResolver places) {
    this(doc, text, places, null);
  }

  /**
   * With a gazetteer, a place the country tables do not know ("Hammamet", "Orange County") is looked up there,
   * preferring the countries the article names elsewhere.
   */
  EntityIndex(Annotation doc, String text, CountryResolver places, Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    this.places = places;
    if (gazetteer != null) {
      for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
        for (CoreLabel t : s.get(CoreAnnotations.TokensAnnotation.class)) {
          if (t.ner() != null && PLACE_TYPES.contains(t.ner())) {
            places.resolve(t.word()).ifPresent(context::add);
          }
        }
      }
    }
    for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
      List<CoreLabel> toks = s.get(CoreAnnotations.TokensAnnotation.class);
      for (int i = 0; i + 1 < toks.size(); i++) {
        if ("PERSON".equals(toks.get(i).ner()) && "PERSON".equals(toks.get(i + 1).ner())) {
          nameParts.add(toks.get(i).word()); // the words of a full name, for the single word the NER misses later
          nameParts.add(toks.get(i + 1).word());
        }
      }
    }
    for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
      List<CoreLabel> toks = s.get(CoreAnnotations.TokensAnnotation.class);
      int i = 0;
      while (i < toks.size()) {
        String ner = toks.get(i).ner();
        int aged = agedName(toks, i);
        if (aged > i) {
          add(toks.subList(i, aged), "PERSON", null, text, places); // "Avetikian, 58, resigned": a name and an age
          i = aged;
          continue;
        }
        if ((ner == null || "O".equals(ner)) && untaggedPlace(toks, i) || datelinePlace(toks, i)) {
          ner = "LOCATION"; // "fled to Kyiv": a place after a preposition the lean NER does not know
        } else if (exDemonym(toks.get(i).word())) {
          ner = "NATIONALITY"; // "the ex-Mexican governor": a nationality with the "ex-" of the office
        } else if (namePart(toks, i, ner)) {
          ner = "PERSON"; // "Gotabaya has now left": one word of a full name the article gives
        } else if (ner == null || "O".equals(ner)) {
          i++;
          continue;
        }
        String norm = toks.get(i).get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
        int j = i + 1;
        while (j < toks.size() && ner.equals(toks.get(j).ner()) && !datelinePlace(toks, j)
            && java.util.Objects.equals(norm,
                toks.get(j).get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class))) {
          j++;
        }
        boolean named = "PERSON".equals(ner) && (j < toks.size()
            && Lexicon.standard().has(Lexicon.FACILITIES, toks.get(j).word())
            || j - i > 1 && Lexicon.standard().has(Lexicon.ORGANISATION_ENDS,
                toks.get(j - 1).word().toLowerCase(java.util.Locale.ROOT)));
        if (!named) {
          add(toks.subList(i, j), ner, norm, text, places); // "through Clark airport", "Hartley Images": not a person
        }
        i = j;
      }
    }
  }

  /**
   * The end of an untagged name that opens a sentence or clause and is followed by an age in commas ("Avetikian,
   * 58, resigned", "..., and Tumasian, 61, left"), a person the NER does not know; {@code i} when there is none.
   */
  private int agedName(List<CoreLabel> toks, int i) {
    if (i > 0 && !toks.get(i - 1).word().equals(",") && !toks.get(i - 1).tag().equals("CC")) {
      return i;
    }
    int k = i;
    while (k < toks.size() && k < i + 3 && "NNP".equals(toks.get(k).tag()) && untagged(toks.get(k))) {
      k++;
    }
    if (k == i || k + 2 >= toks.size() || !toks.get(k).word().equals(",") || !toks.get(k + 2).word().equals(",")
        || !toks.get(k + 1).word().matches("[1-9][0-9]")) {
      return i;
    }
    int age = Integer.parseInt(toks.get(k + 1).word());
    return age >= 18 ? k : i;
  }

  private boolean untagged(CoreLabel t) {
    return t.ner() == null || "O".equals(t.ner())
        || GUESSED_TYPES.contains(t.ner()) && places.lookup(t.word()).isEmpty();
  }

  /** "ex-Mexican", "Ex-Soviet": a nationality after "ex-". */
  private boolean exDemonym(String word) {
    return word.length() > 4 && word.regionMatches(true, 0, "ex-", 0, 3) && Character.isUpperCase(word.charAt(3))
        && places.lookup(word.substring(3)).filter(p -> p.type() == PlaceType.NATIONALITY).isPresent();
  }

  /** NER types the lean model gives a lone foreign name it does not know. */
  private static final Set<String> GUESSED_TYPES = Set.of("LOCATION", "ORGANIZATION", "MISC");
  /** Words of the article's multi-word person names. */
  private final Set<String> nameParts = new java.util.HashSet<>();

  /**
   * A lone proper noun, not at a name's side, that is a word of a full name told elsewhere in the article: untagged, or
   * taken for a place or an organisation no table knows.
   */
  private boolean namePart(List<CoreLabel> toks, int i, String ner) {
    String w = toks.get(i).word();
    boolean untagged = ner == null || "O".equals(ner)
        || GUESSED_TYPES.contains(ner) && places.lookup(w).isEmpty();
    return untagged && "NNP".equals(toks.get(i).tag()) && w.length() >= 4 && nameParts.contains(w)
        && (i == 0 || !toks.get(i - 1).tag().startsWith("NNP"))
        && (i + 1 == toks.size() || !toks.get(i + 1).tag().startsWith("NNP"));
  }

  private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "to", "into", "from", "for", "via");

  /**
   * One capitalised word the NER left untagged right after a preposition of place, which the gazetteer names
   * ("fled to Kyiv"); a longer name or one already tagged is the NER's to judge.
   */
  private boolean untaggedPlace(List<CoreLabel> toks, int i) {
    CoreLabel t = toks.get(i);
    if (gazetteer == null || i == 0 || !"NNP".equals(t.tag()) || t.word().length() < 4
        || !PLACE_PREPOSITIONS.contains(toks.get(i - 1).word().toLowerCase(java.util.Locale.ROOT))
        || i + 1 < toks.size() && toks.get(i + 1).tag().startsWith("NNP")) {
      return false;
    }
    return gazetteer.resolve(t.word(), context).isPresent();
  }

  private static final Set<String> DATELINE_AFTER = Set.of(",", "-", "--", "–", "—", ":");

  /**
   * One word in capitals opening a sentence or following a bar, then a comma or a dash, that the gazetteer names: a
   * dateline's city, whatever the NER made of it ("By Ana Rus | CHIȘINĂU, 17 June 2024" is one person to it), or an
   * explainer's section heading ("PHILIPPINES: THE MAYOR WHO CROSSED THREE BORDERS").
   */
  private boolean datelinePlace(List<CoreLabel> toks, int i) {
    String w = toks.get(i).word();
    return gazetteer != null && w.length() >= 4 && w.codePoints().allMatch(Character::isUpperCase)
        && (i == 0 || toks.get(i - 1).word().equals("|"))
        && i + 1 < toks.size() && DATELINE_AFTER.contains(toks.get(i + 1).word())
        && (gazetteer.resolve(w, context).isPresent() || places.lookup(w).isPresent());
  }

  /** "the Central American country", "Latin American banks": a part of a continent, not the United States. */
  private static final java.util.regex.Pattern CONTINENT_PART =
      java.util.regex.Pattern.compile("(?:Central|Latin|South|North)[ -]$");

  private static boolean continental(String text, int begin) {
    return CONTINENT_PART.matcher(text.substring(Math.max(0, begin - 8), begin)).find();
  }

  private void add(List<CoreLabel> span, String ner, String norm, String text, CountryResolver places) {
    int b = span.get(0).beginPosition();
    int e = span.get(span.size() - 1).endPosition();
    String surface = text.substring(b, e);
    String type = ner;
    String iso = null;
    Double number = null;
    if (PLACE_TYPES.contains(ner) && !continental(text, b)) {
      Optional<Place> p = places.lookup(exDemonym(surface) ? surface.substring(3) : surface);
      if (p.isPresent() && (!"ORGANIZATION".equals(ner) && !"MISC".equals(ner) || p.get().type() != PlaceType.CITY)) {
        iso = p.get().iso();
        type = p.get().type().name();
      } else if (p.isEmpty() && gazetteer != null && GAZETTEER_TYPES.contains(ner)) {
        Optional<String> g = gazetteer.resolve(surface, context);
        if (g.isPresent()) {
          iso = g.get();
          type = "CITY";
        }
      }
    }
    if (iso == null && PLACE_TYPES.contains(ner)) {
      iso = shortForm(surface, text, b);
      type = iso == null ? type : "COUNTRY";
    }
    java.util.regex.Matcher region = REGION.matcher(surface);
    if (iso == null && "ORGANIZATION".equals(ner) && gazetteer != null && region.matches()) {
      // "Lagos State", "Sichuan Province": the NER calls a region with its generic word an organisation
      Optional<String> g = gazetteer.resolveRegion(region.group(1), context);
      if (g.isPresent()) {
        iso = g.get();
        type = "STATE_OR_PROVINCE";
      }
    }
    // "Banca Privada d'Andorra": the NER may call a bank's name a location
    String owner = iso == null && ("ORGANIZATION".equals(ner) || "LOCATION".equals(ner) && span.size() > 1)
        ? countryIn(span, text, places) : null;
    if ("NUMBER".equals(ner) || "MONEY".equals(ner)) {
      number = parseNumber(norm);
      if (number == null && span.size() == 1) {
        number = SentenceView.numeral(span.get(0).word(), "CD"); // "Eleven" tagged NNP gets no normalized value
      }
    }
    if (!KEPT.contains(type)) {
      return;
    }
    int id = mentions.size();
    String normalized = iso != null ? iso : norm;
    mentions.add(new EntityMention(type, surface, b, e, normalized));
    for (CoreLabel t : span) {
      byTokenBegin.put(t.beginPosition(), new Slot(type, iso, number, id, owner));
    }
  }

  /**
   * The country an organisation's name contains, as one to four words the country tables know ("Foreign Ministry of
   * Norway", "the United Arab Emirates' Foreign Ministry"); it stays an organisation, not a place of the sentence.
   */
  private static String countryIn(List<CoreLabel> span, String text, CountryResolver places) {
    for (int len = Math.min(4, span.size()); len >= 1; len--) {
      for (int i = 0; i + len <= span.size(); i++) {
        String words = ELISION.matcher(text.substring(span.get(i).beginPosition(), span.get(i + len - 1)
            .endPosition())).replaceFirst(""); // "d'Andorra", "l'Etat"
        Optional<Place> p = places.lookup(words);
        // "the Swiss Federal Office of Justice": a demonym inside the name names the country as well
        if (p.isPresent() && (p.get().type() == PlaceType.COUNTRY || p.get().type() == PlaceType.NATIONALITY)) {
          return p.get().iso();
        }
      }
    }
    return null;
  }

  /** "defected to the South" where the article speaks of Korea: KR; else null. */
  private static String shortForm(String surface, String text, int begin) {
    if (begin < 4 || !text.regionMatches(true, begin - 4, "the ", 0, 4)) {
      return null;
    }
    for (String[] f : SHORT_FORMS) {
      if (f[0].equals(surface) && text.contains(f[2])) {
        return f[1];
      }
    }
    return null;
  }

  /** "4000.0", ">=1000.0", "~50.0" -> the number; null when not numeric. */
  static Double parseNumber(String norm) {
    if (norm == null) {
      return null;
    }
    String s = norm.replaceAll("^[<>=~]+", "").replaceAll("^[^0-9.\\-]+", "");
    int dash = s.indexOf('-', 1);
    if (dash > 0) {
      s = s.substring(0, dash);
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException ex) {
      return null;
    }
  }

  List<EntityMention> mentions() {
    return mentions;
  }

  Slot slot(int tokenBegin) {
    return byTokenBegin.get(tokenBegin);
  }
}
