package io.flightwatch.nlp.money;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The currency alias table ({@code currencies.tsv}): how currencies are printed, and where. Immutable and thread-safe.
 * Adding a currency is a data change: a row here and a rate in {@code rates.tsv}.
 */
public final class CurrencyAliases {

  /** Name of the bundled resource. */
  public static final String DEFAULT_RESOURCE = "currencies.tsv";

  private static final Pattern WS = Pattern.compile("\\s+");

  /**
   * One way of printing a currency.
   *
   * @param ctxSwitch a compiled word pattern; when it occurs near the mention the currency becomes {@code ctxCode}
   */
  /**
   * Words that switch an alias to another currency when one of them stands near the amount ("¥" near "yen" is JPY,
   * "Rs" near "Karachi" PKR); {@code wide}: anywhere in the text (a country named once in a story sets its
   * shillings).
   */
  public record Context(String code, Pattern words, boolean wide) {}

  public record Alias(
      String text,
      String code,
      boolean pre,
      boolean post,
      boolean caseSensitive,
      boolean generic,
      boolean ambiguous,
      boolean needsScale,
      List<Context> contexts) {

    /** The code of the first context (for tables and tests), or null. */
    public String ctxCode() {
      return contexts.isEmpty() ? null : contexts.get(0).code();
    }

    boolean startsWithLetter() {
      return isWordLetter(text.charAt(0));
    }

    boolean endsWithLetter() {
      return isWordLetter(text.charAt(text.length() - 1));
    }

    /** Han characters (元) are written without spaces, so they need no word boundary ("5,000元"). */
    private static boolean isWordLetter(char c) {
      return Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN;
    }
  }

  private final List<Alias> aliases;
  private final Map<String, Alias> exact;
  private final Map<String, Alias> folded;

  private CurrencyAliases(List<Alias> aliases) {
    this.aliases = List.copyOf(aliases);
    Map<String, Alias> ex = new HashMap<>();
    Map<String, Alias> fo = new HashMap<>();
    for (Alias a : aliases) {
      String key = normalise(a.text());
      if (a.caseSensitive()) {
        ex.put(key, a);
      } else {
        fo.put(key.toLowerCase(Locale.ROOT), a);
      }
    }
    this.exact = Map.copyOf(ex);
    this.folded = Map.copyOf(fo);
  }

  public static CurrencyAliases loadDefault() {
    return TableResources.load(DEFAULT_RESOURCE, CurrencyAliases::parse);
  }

  /** Parses the table; all problems are reported at once. */
  public static CurrencyAliases parse(String name, InputStream in) throws IOException {
    List<Alias> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank() || line.startsWith("#") || line.startsWith("alias\t")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length < 5) {
          problems.add("line " + no + ": expected 5 tab-separated fields, got " + f.length);
          continue;
        }
        String position = f[2].trim();
        if (!Set.of("pre", "post", "both").contains(position)) {
          problems.add("line " + no + ": position must be pre, post or both: " + position);
          continue;
        }
        String cs = f[3].trim();
        if (!cs.equals("cs") && !cs.equals("ci")) {
          problems.add("line " + no + ": case must be cs or ci: " + cs);
          continue;
        }
        boolean generic = false;
        boolean ambiguous = false;
        boolean needsScale = false;
        List<Context> contexts = new ArrayList<>();
        for (String flag : f[4].trim().split(",")) {
          if (flag.equals("-") || flag.isEmpty()) {
            continue;
          } else if (flag.equals("generic")) {
            generic = true;
          } else if (flag.equals("ambiguous")) {
            ambiguous = true;
          } else if (flag.equals("needs-scale")) {
            needsScale = true;
          } else if ((flag.startsWith("ctx=") || flag.startsWith("ctxwide=")) && flag.indexOf(':') > 4) {
            boolean wide = flag.startsWith("ctxwide=");
            String code = flag.substring(flag.indexOf('=') + 1, flag.indexOf(':'));
            List<String> words = List.of(flag.substring(flag.indexOf(':') + 1).split("\\|"));
            contexts.add(new Context(code, Pattern.compile(
                "(?i)(?<![\\p{L}])(?:" + words.stream().map(Pattern::quote).collect(Collectors.joining("|"))
                    + ")(?![\\p{L}])"), wide));
          } else {
            problems.add("line " + no + ": unknown flag " + flag);
          }
        }
        String alias = f[0].trim();
        if (alias.isEmpty()) {
          problems.add("line " + no + ": empty alias");
          continue;
        }
        out.add(new Alias(alias, f[1].trim(), !position.equals("post"), !position.equals("pre"), cs.equals("cs"),
            generic, ambiguous, needsScale, List.copyOf(contexts)));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(name + ": " + String.join("; ", problems));
    }
    return new CurrencyAliases(out);
  }

  public List<Alias> all() {
    return aliases;
  }

  /** The alias a piece of matched text stands for (case-sensitive rows first), or null. */
  Alias lookup(CharSequence matched) {
    String key = normalise(matched.toString());
    Alias a = exact.get(key);
    return a != null ? a : folded.get(key.toLowerCase(Locale.ROOT));
  }

  /**
   * A regex alternation of every alias usable before ({@code pre=true}) or after the number, longest first so that
   * "Hong Kong dollars" is tried before "dollars", with word boundaries where an alias starts or ends with a letter.
   */
  String alternation(boolean pre) {
    List<Alias> list = aliases.stream()
        .filter(a -> pre ? a.pre() : a.post())
        .sorted(Comparator.comparingInt((Alias a) -> a.text().length()).reversed())
        .toList();
    // a first-character class up front and one shared word-boundary check keep the ~150 alternatives from being tried
    // at every character of an article
    StringBuilder first = new StringBuilder();
    list.stream()
        .flatMap(a -> {
          char c = a.text().charAt(0);
          return a.caseSensitive() ? Stream.of(c)
              : Stream.of(Character.toLowerCase(c), Character.toUpperCase(c));
        })
        .distinct()
        .forEach(c -> first.append(String.format("\\x{%x}", (int) c)));
    String words = list.stream().filter(Alias::startsWithLetter).map(CurrencyAliases::regexOf)
        .collect(Collectors.joining("|"));
    String symbols = list.stream().filter(a -> !a.startsWithLetter()).map(CurrencyAliases::regexOf)
        .collect(Collectors.joining("|"));
    List<String> parts = new ArrayList<>();
    if (!words.isEmpty()) {
      parts.add("(?<![\\p{L}\\p{N}])(?:" + words + ")");
    }
    if (!symbols.isEmpty()) {
      parts.add("(?:" + symbols + ")");
    }
    if (parts.isEmpty()) {
      return "(?!)";
    }
    return "(?=[" + first + "])(?:" + String.join("|", parts) + ")";
  }

  /**
   * A cheap test run before the alias regex at every candidate character: could an alias usable before a number
   * ({@code pre}) or after it start at {@code i}? Compares the first two characters with every alias's first two.
   */
  Prefixes prefixes(boolean pre) {
    Set<String> two = new HashSet<>();
    BitSet single = new BitSet();
    BitSet first = new BitSet();
    for (Alias a : aliases) {
      if (pre ? a.pre() : a.post()) {
        String t = a.text();
        for (String v : a.caseSensitive() ? List.of(t) : List.of(t.toLowerCase(Locale.ROOT), t.toUpperCase(Locale.ROOT),
            Character.toUpperCase(t.charAt(0)) + t.substring(1).toLowerCase(Locale.ROOT))) {
          first.set(v.charAt(0));
          if (v.length() == 1) {
            single.set(v.charAt(0));
          } else {
            two.add(v.substring(0, 2));
          }
        }
      }
    }
    return new Prefixes(first, single, Set.copyOf(two));
  }

  /** See {@link #prefixes(boolean)}. Immutable after construction (never handed out for writing). */
  record Prefixes(BitSet first, BitSet single, Set<String> two) {
    boolean couldStartAt(CharSequence t, int i) {
      char c = t.charAt(i);
      if (!first.get(c)) {
        return false;
      }
      if (single.get(c)) {
        return true;
      }
      return i + 1 < t.length() && two.contains(new String(new char[] {c, t.charAt(i + 1)}));
    }
  }

  private static String regexOf(Alias a) {
    String body = WS.splitAsStream(a.text()).map(Pattern::quote).collect(Collectors.joining("\\s+"));
    StringBuilder sb = new StringBuilder(a.caseSensitive() ? "(?-i:" : "(?i:").append(body).append(')');
    if (a.endsWithLetter()) {
      sb.append("(?![\\p{L}])");
    }
    return sb.toString();
  }

  private static String normalise(String s) {
    return WS.matcher(s.strip()).replaceAll(" ");
  }
}
