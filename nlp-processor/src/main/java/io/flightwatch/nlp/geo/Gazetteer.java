package io.flightwatch.nlp.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.util.zip.GZIPInputStream;

/**
 * Place names (cities, capitals, states and provinces, counties) to ISO 3166-1 alpha-2 country codes.
 *
 * <p>Data: {@code gazetteer.tsv.gz} beside this class, derived from GeoNames by {@code tools/geonames/build_gazetteer.py}
 * ("Contains data from GeoNames, geonames.org, CC BY 4.0"), plus the hand-written {@code gazetteer-aliases.tsv} and
 * {@code gazetteer-stop.txt}. Country names are not here ({@link CountryResolver} has them). docs/gazetteer.md has
 * the derivation and the disambiguation rules.
 *
 * <p>Immutable and thread-safe; {@link #load()} reads the resources once per class loader.
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
  private static final Comparator<Entry> BEST_FIRST = new BestFirst();

  private final Map<String, List<Entry>> exact;
  private final Map<String, List<Entry>> folded;
  private final Set<String> stop;

  private Gazetteer(Map<String, List<Entry>> exact, Map<String, List<Entry>> folded, Set<String> stop) {
    this.exact = Collections.unmodifiableMap(exact);
    this.folded = Collections.unmodifiableMap(folded);
    this.stop = Collections.unmodifiableSet(stop);
  }

  private static final class Holder {
    static final Gazetteer INSTANCE = read();
  }

  /** The gazetteer from the bundled resources, read on first use and shared afterwards. */
  public static Gazetteer load() {
    return Holder.INSTANCE;
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
    String s = stripPossessive(name.strip());
    List<Entry> found = lookup(s);
    if (found.isEmpty() && s.length() > 4 && s.regionMatches(true, 0, "the ", 0, 4)) {
      found = lookup(s.substring(4).strip());
    }
    return found;
  }

  /**
   * ISO alpha-2 for a place name: among the candidates, prefer the best one whose country is in {@code context} (the
   * article's other countries); else a hand alias; else the heaviest candidate, but only if it weighs at least
   * {@value #DOMINANCE}x the best candidate of any other country (or there is no other country), otherwise empty.
   * Weight is the population, a tenth of it for an ADMIN1 (a sum over its cities).
   */
  public Optional<String> resolve(String name, Collection<String> context) {
    List<Entry> found = candidates(name);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    if (context != null && !context.isEmpty()) {
      Set<String> countries = new HashSet<>();
      for (String c : context) {
        if (c != null) {
          countries.add(c.strip().toUpperCase(Locale.ROOT));
        }
      }
      for (Entry e : found) {
        if (countries.contains(e.iso())) {
          return Optional.of(e.iso());
        }
      }
    }
    if (found.size() == 1 || found.get(0).kind() == Kind.ALIAS) {
      return Optional.of(found.get(0).iso());
    }
    Entry top = found.get(0);
    for (Entry e : found) {
      top = weight(e) > weight(top) ? e : top;
    }
    long rival = 0;
    for (Entry e : found) {
      rival = e == top ? rival : Math.max(rival, weight(e));
    }
    long best = weight(top);
    return best > 0 && best >= DOMINANCE * rival ? Optional.of(top.iso()) : Optional.empty();
  }

  /** Number of names loaded (for logs). */
  public int size() {
    return exact.size();
  }

  private List<Entry> lookup(String s) {
    if (s.length() < 3) {
      return List.of();
    }
    String key = fold(s);
    if (stop.contains(key)) {
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
    for (int i = 0; i < lower.length(); i++) {
      if (lower.charAt(i) > 0x7f) {
        String nfd = Normalizer.normalize(lower.replace('’', '\''), Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(nfd.length());
        for (int j = 0; j < nfd.length(); j++) {
          int t = Character.getType(nfd.charAt(j));
          if (t != Character.NON_SPACING_MARK && t != Character.COMBINING_SPACING_MARK
              && t != Character.ENCLOSING_MARK) {
            b.append(nfd.charAt(j));
          }
        }
        return b.toString();
      }
    }
    return lower;
  }

  private static String stripPossessive(String s) {
    if (s.endsWith("'s") || s.endsWith("’s")) {
      return s.substring(0, s.length() - 2);
    }
    return s.endsWith("s'") || s.endsWith("s’") ? s.substring(0, s.length() - 1) : s;
  }

  /** Aliases, then capitals, then by weight; of equal weight cities before regions; then by country code. */
  private static final class BestFirst implements Comparator<Entry> {
    @Override
    public int compare(Entry a, Entry b) {
      int c = Boolean.compare(a.kind() != Kind.ALIAS, b.kind() != Kind.ALIAS);
      c = c != 0 ? c : Boolean.compare(a.kind() != Kind.CAPITAL, b.kind() != Kind.CAPITAL);
      c = c != 0 ? c : Long.compare(weight(b), weight(a));
      c = c != 0 ? c : a.kind().compareTo(b.kind());
      return c != 0 ? c : a.iso().compareTo(b.iso());
    }
  }

  /** One entry per country (the better-ranked one, with the larger population of the two), best first, immutable. */
  private static List<Entry> merge(List<Entry> a, List<Entry> b) {
    List<Entry> all = new ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    all.sort(BEST_FIRST);
    List<Entry> out = new ArrayList<>(all.size());
    next:
    for (Entry e : all) {
      for (int i = 0; i < out.size(); i++) {
        Entry kept = out.get(i);
        if (kept.iso().equals(e.iso())) {
          if (e.population() > kept.population()) {
            out.set(i, new Entry(kept.name(), kept.iso(), e.population(), kept.kind()));
          }
          continue next;
        }
      }
      out.add(e);
    }
    out.sort(BEST_FIRST);
    return List.copyOf(out);
  }

  private static void put(Map<String, List<Entry>> map, String key, List<Entry> group) {
    List<Entry> old = map.putIfAbsent(key, group);
    if (old != null) {
      map.put(key, merge(old, group));
    }
  }

  private static Gazetteer read() {
    Map<String, List<Entry>> exact = new HashMap<>(1 << 17);
    Map<String, List<Entry>> folded = new HashMap<>(1 << 17);
    Map<String, List<Entry>> aliases = new HashMap<>();
    for (String[] f : lines("gazetteer-aliases.tsv", 3)) {
      put(aliases, f[0], List.of(new Entry(f[0], f[1].toUpperCase(Locale.ROOT), 0, Kind.valueOf(f[2]))));
    }
    // Rows come sorted by name: collect each name's rows, then merge in its aliases and index it once.
    List<Entry> group = new ArrayList<>();
    for (String[] f : lines("gazetteer.tsv.gz", 4)) {
      if (!group.isEmpty() && !group.get(0).name().equals(f[0])) {
        index(group, aliases, exact, folded);
      }
      group.add(new Entry(f[0], f[1], Long.parseLong(f[2]), Kind.valueOf(f[3])));
    }
    index(group, aliases, exact, folded);
    for (List<Entry> alias : aliases.values()) {
      put(exact, alias.get(0).name(), alias);
      put(folded, fold(alias.get(0).name()), exact.get(alias.get(0).name()));
    }
    Set<String> stop = new HashSet<>();
    for (String[] f : lines("gazetteer-stop.txt", 1)) {
      stop.add(fold(f[0]));
    }
    return new Gazetteer(exact, folded, stop);
  }

  private static void index(List<Entry> group, Map<String, List<Entry>> aliases, Map<String, List<Entry>> exact,
      Map<String, List<Entry>> folded) {
    if (group.isEmpty()) {
      return;
    }
    String name = group.get(0).name();
    List<Entry> alias = aliases.remove(name);
    List<Entry> list = alias != null ? merge(alias, group)
        : group.size() == 1 ? List.of(group.get(0)) : merge(group, List.of());
    put(exact, name, list);
    put(folded, fold(name), exact.get(name));
    group.clear();
  }

  /** The non-blank, non-comment lines of a resource (gunzipped if .gz), split on tabs and stripped. */
  private static List<String[]> lines(String file, int fields) {
    try (InputStream raw = Gazetteer.class.getResourceAsStream(BASE + file)) {
      if (raw == null) {
        throw new IllegalStateException("missing resource " + BASE + file);
      }
      InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
      List<String[]> out = new ArrayList<>(1 << 10);
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.charAt(0) == '#') {
          continue;
        }
        String[] f = new String[fields];
        int from = 0;
        for (int i = 0; i < fields; i++) {
          int tab = line.indexOf('\t', from);
          if (tab < 0 && i < fields - 1) {
            throw new IllegalStateException(file + ": expected " + fields + " tab-separated fields: " + line);
          }
          int end = tab < 0 ? line.length() : tab;
          f[i] = line.substring(from, end).strip();
          from = end + 1;
        }
        out.add(f);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + BASE + file, e);
    }
  }
}
