package io.flightwatch.nlp.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves place names, aliases, demonyms, cities and regions to ISO 3166-1 alpha-2 codes.
 *
 * <p>Everything comes from the tab-separated tables beside this class ({@code countries.tsv}, {@code aliases.tsv},
 * {@code demonyms.tsv}, {@code cities.tsv}); adding a place is a data change, not a code change. The same tables feed
 * the extractor's small CoreNLP fine-grained NER mapping, so what the tagger marks as COUNTRY is what this class
 * resolves.
 *
 * <p>Immutable and thread-safe once loaded.
 */
public final class CountryResolver {

  /** One row of the tables: a surface form, its country, and the NER type the form stands for. */
  public record Place(String name, String iso, PlaceType type) {}

  /** What kind of surface form a row is; the names match CoreNLP's fine-grained NER types. */
  public enum PlaceType {
    COUNTRY, NATIONALITY, CITY, STATE_OR_PROVINCE
  }

  private static final String BASE = "/io/flightwatch/nlp/geo/";

  private final List<Place> places;
  private final Map<String, Place> exact = new HashMap<>();
  private final Map<String, Place> folded = new HashMap<>();

  private CountryResolver(List<Place> places) {
    this.places = Collections.unmodifiableList(places);
    for (Place p : places) {
      // First row wins: country names are loaded before cities, so "Singapore" stays a COUNTRY.
      exact.putIfAbsent(p.name(), p);
      folded.putIfAbsent(fold(p.name()), p);
    }
  }

  /** Loads the bundled tables. */
  public static CountryResolver load() {
    List<Place> rows = new ArrayList<>();
    read("countries.tsv", PlaceType.COUNTRY, rows);
    read("aliases.tsv", PlaceType.COUNTRY, rows);
    read("demonyms.tsv", PlaceType.NATIONALITY, rows);
    read("cities.tsv", null, rows);
    return new CountryResolver(rows);
  }

  private static void read(String file, PlaceType fixedType, List<Place> out) {
    InputStream in = CountryResolver.class.getResourceAsStream(BASE + file);
    if (in == null) {
      throw new IllegalStateException("missing resource " + BASE + file);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length < 2 || (fixedType == null && f.length < 3)) {
          throw new IllegalStateException(file + ":" + n + ": expected name<TAB>iso"
              + (fixedType == null ? "<TAB>type" : ""));
        }
        PlaceType type = fixedType != null ? fixedType : PlaceType.valueOf(f[2].strip());
        out.add(new Place(f[0].strip(), f[1].strip().toUpperCase(Locale.ROOT), type));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Every row, in load order (countries, aliases, demonyms, cities/regions). */
  public List<Place> places() {
    return places;
  }

  /** ISO code for a country name, alias, demonym, city or region; empty when unknown. */
  public Optional<String> resolve(String text) {
    return lookup(text).map(Place::iso);
  }

  /**
   * The table row for a surface form. Tries the text as written, then without a leading "the" and a trailing
   * possessive, then case-insensitively, but only when the text has a capital letter (so "nice" and "us" stay ordinary
   * words).
   */
  public Optional<Place> lookup(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip().replaceAll("\\s+", " ");
    if (t.isEmpty()) {
      return Optional.empty();
    }
    Place p = exact.get(t);
    if (p == null) {
      t = trim(t);
      p = exact.get(t);
    }
    if (p == null && !t.equals(t.toLowerCase(Locale.ROOT))) {
      p = folded.get(fold(t));
    }
    if (p == null && t.endsWith("s")) {
      // plural demonyms: "Nigerians", "Canadians"
      Place single = exact.get(t.substring(0, t.length() - 1));
      if (single != null && single.type() == PlaceType.NATIONALITY) {
        p = single;
      }
    }
    return Optional.ofNullable(p);
  }

  private static String trim(String t) {
    String s = t;
    if (s.startsWith("the ") || s.startsWith("The ")) {
      s = s.substring(4);
    }
    if (s.endsWith("'s") || s.endsWith("’s")) {
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("'") || s.endsWith("’")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.strip();
  }

  private static String fold(String s) {
    return s.toLowerCase(Locale.ROOT).replace('’', '\'');
  }
}
