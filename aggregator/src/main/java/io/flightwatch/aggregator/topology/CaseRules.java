package io.flightwatch.aggregator.topology;

import io.flightwatch.common.ClaimKeys;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Countries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How claims about a named person become a case: the case id from name and origin, the event a claim stands for, and
 * the office the evidence gives. Word lists and patterns live in {@code io/flightwatch/aggregator/cases/*.txt}; one
 * immutable instance, {@link #get()}.
 */
public final class CaseRules {

  private static final String DIR = "/io/flightwatch/aggregator/cases/";
  private static final CaseRules INSTANCE = new CaseRules();

  private final Set<String> titles;
  private final Set<String> familyNameFirst;
  private final Map<String, Pattern> events;
  private final String officeWords;

  private CaseRules() {
    titles = Set.copyOf(lines("titles.txt"));
    familyNameFirst = Set.copyOf(lines("family-name-first.txt"));
    Map<String, Pattern> ev = new LinkedHashMap<>();
    for (String line : lines("events.txt")) {
      String[] parts = line.split("\t", 2);
      if (parts.length != 2) {
        throw new IllegalStateException("events.txt: expected name<TAB>regex: " + line);
      }
      ev.put(parts[0], Pattern.compile(parts[1], Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
    events = ev;
    officeWords = lines("offices.txt").stream().map(Pattern::quote).collect(Collectors.joining("|"));
  }

  public static CaseRules get() {
    return INSTANCE;
  }

  /**
   * The normalised name without leading titles: "Former President Viktor F. Yanukovych" -> "viktor f yanukovych". Falls
   * back to the whole normalised name when it is all titles.
   */
  public String normalise(String name) {
    String n = ClaimKeys.normaliseName(name);
    String[] tokens = n.split(" ");
    int start = 0;
    while (start < tokens.length - 1 && titles.contains(tokens[start])) {
      start++;
    }
    return String.join(" ", List.of(tokens).subList(start, tokens.length));
  }

  /**
   * The stable case id of a person: origin + ":" + the family name ("UA:yanukovych"), or the whole name for origins
   * that write family names first ("CN:zhao minghui"). A function of the claim alone, so replays agree.
   *
   * @param origin ISO alpha-2, or null / "ZZ" when unknown
   */
  public String caseId(String origin, String name) {
    String o = origin == null ? Countries.UNSPECIFIED : origin;
    String n = normalise(name);
    if (familyNameFirst.contains(o)) {
      return o + ":" + n;
    }
    return o + ":" + n.substring(n.lastIndexOf(' ') + 1);
  }

  /** The event a claim about the person stands for: fled, located, arrested_abroad, returned, money_... */
  public String event(ClaimView v) {
    ClaimKind kind = v.claimKind();
    return switch (kind) {
      case OFFICIALS_RETURNED -> "returned";
      case MONEY_MOVED_ABROAD -> "money_moved";
      case MONEY_RECOVERED -> "money_recovered";
      case OFFICIALS_FLED -> {
        String quote = quote(v);
        if (events.get("arrested_abroad").matcher(quote).find()) {
          yield "arrested_abroad";
        }
        yield events.get("located").matcher(quote).find() ? "located" : "fled";
      }
    };
  }

  /** For a return: extradition, deportation, surrendered, persuaded or other, from the evidence sentence's verb. */
  public String channel(ClaimView v) {
    if (v.claimKind() != ClaimKind.OFFICIALS_RETURNED) {
      return null;
    }
    String quote = quote(v);
    for (String channel : List.of("extradition", "deportation", "surrendered", "persuaded")) {
      if (events.get(channel).matcher(quote).find()) {
        return channel;
      }
    }
    return "other";
  }

  /**
   * The office the evidence gives next to the name: "Name, the former deputy mayor of X," or "former deputy mayor
   * Name"; null when none.
   */
  public String office(ClaimView v) {
    if (v.namedPerson() == null || v.namedPerson().isBlank()) {
      return null;
    }
    String quote = quote(v);
    String name = Pattern.quote(v.namedPerson().strip());
    Matcher after = Pattern.compile(name + ",\\s+(?:the |a |an )?([^,;.()]{0,60}?\\b(?:" + officeWords
        + ")\\b[^,;.()]{0,50}?)\\s*[,;.(]").matcher(quote);
    if (after.find()) {
      return tidy(after.group(1));
    }
    Matcher before = Pattern.compile("\\b((?:former |ex-)?(?:[a-z-]+ ){0,3}(?:" + officeWords + "))\\s+" + name)
        .matcher(quote);
    return before.find() ? tidy(before.group(1)) : null;
  }

  private static String tidy(String office) {
    String o = office.strip().replaceAll("\\s+", " ");
    return o.isEmpty() || o.length() > 90 ? null : o.toLowerCase(Locale.ROOT);
  }

  private static String quote(ClaimView v) {
    return v.sources().isEmpty() || v.sources().get(0).quote() == null ? "" : v.sources().get(0).quote();
  }

  private static List<String> lines(String file) {
    InputStream in = CaseRules.class.getResourceAsStream(DIR + file);
    if (in == null) {
      throw new IllegalStateException("missing resource " + DIR + file);
    }
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          out.add(line.contains("\t") ? line : t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
