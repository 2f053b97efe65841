package io.flightwatch.nlp.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Place names (cities, capitals, states and provinces, counties) to ISO 3166-1 alpha-2 country codes.
 *
 * <p>Data: {@code gazetteer.tsv.gz} beside this class, derived from GeoNames by {@code
 * tools/geonames/build_gazetteer.py} ("Contains data from GeoNames, geonames.org, CC BY 4.0"), plus the hand-written
 * {@code gazetteer-aliases.tsv} and {@code gazetteer-stop.txt}. Country names are not here ({@link CountryResolver} has
 * them). docs/gazetteer.md has the derivation and the disambiguation rules. Immutable and thread-safe; the resources
 * are read once.
 */
public final class Gazetteer {

  /** What a name stands for: a national capital, another city, a first- or second-level region, or a hand alias. */
  public enum Kind { CAPITAL, CITY, ADMIN1, ADMIN2, ALIAS }

  /** One (name, country) row; {@code population} is 0 for ADMIN2 and the summed city population for ADMIN1. */
  public record Entry(String name, String iso, long population, Kind kind) {}

  /** An ADMIN1 population is the sum of many cities; it weighs like a single city of a tenth of it. */
  static final long REGION_WEIGHT = 10;
  /** Without context, the heaviest country wins only with at least this many times the runner-up's weight. */
  static final long DOMINANCE = 5;

  private static final String BASE = "/io/flightwatch/nlp/geo/";
  /** Aliases, then capitals, then by weight; of equal weight cities before regions; then by country code. */
  private static final Comparator<Entry> BEST_FIRST = (a, b) -> {
    int c = Boolean.compare(a.kind() != Kind.ALIAS, b.kind() != Kind.ALIAS);
    c = c != 0 ? c : Boolean.compare(a.kind() != Kind.CAPITAL, b.kind() != Kind.CAPITAL);
    c = c != 0 ? c : Long.compare(weight(b), weight(a));
    c = c != 0 ? c : a.kind().compareTo(b.kind());
    return c != 0 ? c : a.iso().compareTo(b.iso());
  };
  /** Folded forms of U+0080..U+024F (Latin-1, Latin Extended-A/B), so most accented names skip the Normalizer. */
  private static final String[] LATIN = new String[0x250];

  static {
    for (char c = 0x80; c < LATIN.length; c++) {
      LATIN[c] = stripMarks(String.valueOf(c));
    }
  }

  /** Read when the class is first used (after the constants above): once per class loader. */
  private static final Gazetteer INSTANCE = read();

  private final Map<String, List<Entry>> exact;
  private final Map<String, List<Entry>> folded;
  private final Set<String> stop;

  private Gazetteer(Map<String, List<Entry>> exact, Map<String, List<Entry>> folded, Set<String> stop) {
    this.exact = Collections.unmodifiableMap(exact);
    this.folded = Collections.unmodifiableMap(folded);
    this.stop = Collections.unmodifiableSet(stop);
  }

  /** The gazetteer from the bundled resources, read on first use and shared afterwards. */
  public static Gazetteer load() {
    return INSTANCE;
  }

  /**
   * Every candidate for a surface form, best first (aliases, then capitals, then by population; regions after cities
   * of equal rank), one per country. Exact-case match first; a case- and accent-insensitive match only when the input
   * has a capital letter. Leading "the " and trailing possessive "'s"/"’s" ignored. Names in the stop list give
   * nothing. Empty list when unknown.
   */
  public List<Entry> candidates(String name) {
    if (name == null) {
      return List.of();
    }
    String s = name.strip();
    s = s.endsWith("'s") || s.endsWith("’s") ? s.substring(0, s.length() - 2)
        : s.endsWith("s'") || s.endsWith("s’") ? s.substring(0, s.length() - 1) : s;
    List<Entry> found = lookup(s);
    if (found.isEmpty() && s.length() > 4 && s.regionMatches(true, 0, "the ", 0, 4)) {
      found = lookup(s.substring(4).strip());
    }
    return found;
  }

  /**
   * ISO alpha-2 for a place name: among the candidates, prefer the best one whose country is in {@code context} (the
   * article's other countries); else a hand alias; else the heaviest candidate, but only if it weighs at least
   * {@value #DOMINANCE}x the best candidate of any other country (or there is no other country), otherwise empty
   * (ambiguous). Weight is the population, a tenth of it for an ADMIN1 (a sum over its cities).
   */
  public Optional<String> resolve(String name, Collection<String> context) {
    List<Entry> found = candidates(name);
    if (context != null && !found.isEmpty() && found.stream().noneMatch(e -> named(e, context))) {
      // "a hearing in San José" in a story about California: the same name without its accent is a city
      // of a country the story names, which beats the capital of one it does not
      Optional<Entry> alike = folded.getOrDefault(fold(name.strip()), List.of()).stream()
          .filter(e -> named(e, context)).findFirst();
      if (alike.isPresent()) {
        return Optional.of(alike.get().iso());
      }
    }
    return choose(found, context);
  }

  private static boolean named(Entry e, Collection<String> context) {
    return context.stream().anyMatch(c -> c != null && e.iso().equalsIgnoreCase(c.strip()));
  }

  private static Optional<String> choose(List<Entry> found, Collection<String> context) {
    for (Entry e : context == null ? List.<Entry>of() : found) {
      for (String c : context) {
        if (c != null && e.iso().equalsIgnoreCase(c.strip())) {
          return Optional.of(e.iso());
        }
      }
    }
    if (found.size() == 1 || (!found.isEmpty() && found.get(0).kind() == Kind.ALIAS)) {
      return Optional.of(found.get(0).iso());
    }
    Entry top = null;
    long best = 0;
    long rival = 0;
    for (Entry e : found) {
      if (top == null || weight(e) > best) {
        rival = Math.max(rival, best);
        top = e;
        best = weight(e);
      } else {
        rival = Math.max(rival, weight(e));
      }
    }
    return best > 0 && best >= DOMINANCE * rival ? Optional.of(top.iso()) : Optional.empty();
  }

  /**
   * As {@link #resolve} for a name the text calls a region ("Delta State", "Sindh Province"): only first-level regions
   * with cities count, and the stop list does not apply, since the generic word has settled what it is; without such
   * a region, as {@link #resolve} ("Oyo State": GeoNames knows the city, whose region is spelt otherwise).
   */
  public Optional<String> resolveRegion(String name, Collection<String> context) {
    if (name == null || name.strip().length() < 3) {
      return Optional.empty();
    }
    String s = name.strip();
    List<Entry> hit = exact.get(s);
    if (hit == null) {
      hit = folded.get(fold(s));
    }
    List<Entry> regions = hit == null ? List.of()
        : hit.stream().filter(e -> e.kind() == Kind.ADMIN1 && e.population() > 0).toList();
    Optional<String> region = choose(regions, context);
    // one entry per country is kept, a city before a region: "Oyo State" finds the city of Oyo, in the same country
    return region.isPresent() ? region : resolve(s, context);
  }

  /** Number of names loaded (for logs). */
  public int size() {
    return exact.size();
  }

  private List<Entry> lookup(String s) {
    String key = fold(s);
    if (s.length() < 3 || stop.contains(key)) {
      return List.of();
    }
    List<Entry> hit = exact.get(s);
    if (hit == null && !s.equals(s.toLowerCase(Locale.ROOT))) {
      hit = folded.get(key);
    }
    return hit == null ? List.of() : hit;
  }

  static long weight(Entry e) {
    return e.kind() == Kind.ADMIN1 ? e.population() / REGION_WEIGHT : e.population();
  }

  /** Lower case without accents ("Zürich" -> "zurich"); curly apostrophes made straight. */
  static String fold(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    StringBuilder b = null;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c >= 0x80 && b == null) {
        b = new StringBuilder(lower.length()).append(lower, 0, i);
      }
      if (b == null) {
        continue;
      } else if (c < 0x80) {
        b.append(c);
      } else if (c < LATIN.length) {
        b.append(LATIN[c]);
      } else if (c == '’') {
        b.append('\'');
      } else {
        return stripMarks(lower.replace('’', '\''));
      }
    }
    return b == null ? lower : b.toString();
  }

  private static String stripMarks(String s) {
    String nfd = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(nfd.length());
    for (int i = 0; i < nfd.length(); i++) {
      int t = Character.getType(nfd.charAt(i));
      if (t != Character.NON_SPACING_MARK && t != Character.COMBINING_SPACING_MARK && t != Character.ENCLOSING_MARK) {
        b.append(nfd.charAt(i));
      }
    }
    return b.toString();
  }

  /** Entries of one key, one per country (the better-ranked, with the larger population of the two), best first. */
  private static List<Entry> merge(List<Entry> a, List<Entry> b) {
    List<Entry> all = new ArrayList<>(a);
    all.addAll(b);
    all.sort(BEST_FIRST);
    List<Entry> out = new ArrayList<>(all.size());
    for (Entry e : all) {
      int i = 0;
      while (i < out.size() && !out.get(i).iso().equals(e.iso())) {
        i++;
      }
      if (i == out.size()) {
        out.add(e);
      } else if (e.population() > out.get(i).population()) {
        Entry kept = out.get(i);
        out.set(i, new Entry(kept.name(), kept.iso(), e.population(), kept.kind()));
      }
    }
    out.sort(BEST_FIRST);
    return List.copyOf(out);
  }

  private static void put(Map<String, List<Entry>> map, String key, List<Entry> entries) {
    List<Entry> old = map.putIfAbsent(key, entries);
    if (old != null) {
      map.put(key, merge(old, entries));
    }
  }

  private static Gazetteer read() {
    Map<String, List<Entry>> exact = new HashMap<>(1 << 17);
    Map<String, String> isos = new HashMap<>();
    List<String[]> hyphenated = new java.util.ArrayList<>();
    lines("gazetteer.tsv.gz", 4, f -> {
      put(exact, f[0], List.of(entry(f, Long.parseLong(f[2]), isos)));
      if (f[0].indexOf('-') > 0 && !f[3].startsWith("ADMIN")) {
        hyphenated.add(f);
      }
    });
    // news writes "Port Vila" and "Port au Prince" for GeoNames' "Port-Vila" and "Port-au-Prince"
    for (String[] f : hyphenated) {
      String spaced = f[0].replace('-', ' ');
      if (!exact.containsKey(spaced)) {
        exact.put(spaced, List.of(entry(f, Long.parseLong(f[2]), isos)));
      }
    }
    lines("gazetteer-aliases.tsv", 3, f -> put(exact, f[0], List.of(entry(f, 0, isos))));
    Map<String, List<Entry>> folded = new HashMap<>(1 << 17);
    exact.forEach((name, entries) -> put(folded, fold(name), entries));
    Set<String> stop = new HashSet<>();
    lines("gazetteer-stop.txt", 1, f -> stop.add(fold(f[0])));
    return new Gazetteer(exact, folded, stop);
  }

  private static Entry entry(String[] f, long population, Map<String, String> isos) {
    String iso = isos.computeIfAbsent(f[1].toUpperCase(Locale.ROOT), k -> k);
    return new Entry(f[0], iso, population, Kind.valueOf(f[f.length - 1]));
  }

  /** Feeds the non-blank, non-comment lines of a resource (gunzipped if .gz) as {@code fields} stripped fields. */
  private static void lines(String file, int fields, Consumer<String[]> sink) {
    String text;
    InputStream raw = Gazetteer.class.getResourceAsStream(BASE + file);
    if (raw == null) {
      throw new IllegalStateException("missing resource " + BASE + file);
    }
    try (InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + BASE + file, e);
    }
    for (int start = 0, eol; start < text.length(); start = eol + 1) {
      eol = text.indexOf('\n', start);
      eol = eol < 0 ? text.length() : eol;
      int first = start;
      while (first < eol && Character.isWhitespace(text.charAt(first))) {
        first++;
      }
      if (first == eol || text.charAt(first) == '#') {
        continue;
      }
      String[] f = new String[fields];
      for (int i = 0, from = start; i < fields; i++) {
        int tab = i == fields - 1 ? -1 : text.indexOf('\t', from);
        tab = tab > eol ? -1 : tab;
        if (tab < 0 && i < fields - 1) {
          throw new IllegalStateException(BASE + file + ": expected " + fields + " tab-separated fields: "
              + text.substring(start, eol));
        }
        int end = tab < 0 ? eol : tab;
        f[i] = text.substring(from, end).strip();
        from = end + 1;
      }
      sink.accept(f);
    }
  }
}
