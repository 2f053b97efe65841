package io.flightwatch.nlp.money;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The compiled patterns of the money extractor: {@code money-patterns.regex} with the currency aliases, the number
 * words and the hedges filled in. Compiled once per extractor; immutable and thread-safe (a call takes its own matchers
 * with {@link #scan}).
 */
final class MoneyPatterns {

  static final String RESOURCE = "money-patterns.regex";

  /** {@code ${NAME}}: cannot occur in a Java regex, where a "{" after "$" is an illegal repetition. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)\\}");

  // a currency printed before a number is a trigger too; a cheap two-character test runs before its regex
  final CurrencyAliases.Prefixes prePrefixes;
  final Pattern magnitude;
  final Pattern wordsBeforeMagnitude;
  final Pattern pre;
  final Pattern post;
  final Pattern parenCodeBefore;
  final Pattern num;
  final Pattern wordNum;
  final Pattern scale;
  final Pattern yearBefore;
  final Pattern vague;
  final Pattern few;
  final Pattern rangeSep;
  final Pattern andSep;
  final Pattern betweenBefore;
  final Pattern fromBefore;
  final Pattern hedgeBefore;
  final Pattern hedgeAfter;
  final Pattern convOpen;
  final Pattern convClose;
  final Pattern convOr;

  MoneyPatterns(CurrencyAliases aliases, MoneyWords words) {
    Map<String, String> lines = TableResources.load(RESOURCE, MoneyPatterns::read);
    String sp = lines.get("SP");
    if (sp == null) {
      throw new IllegalStateException(RESOURCE + ": no SP line");
    }
    Map<String, String> defs = new HashMap<>();
    defs.put("PRE", aliases.alternation(true));
    defs.put("POST", aliases.alternation(false));
    defs.put("WORD_NUMBERS", String.join("|", words.oneWordNumbers()));
    defs.put("HEDGES", words.hedges().stream()
        .map(h -> Pattern.quote(h).replace(" ", "\\E" + sp + "+\\Q")).collect(Collectors.joining("|")));
    for (Map.Entry<String, String> e : lines.entrySet()) {
      defs.put(e.getKey(), expand(e.getKey(), e.getValue(), defs));
    }
    this.prePrefixes = aliases.prefixes(true);
    this.magnitude = compile(defs, "magnitude");
    this.wordsBeforeMagnitude = compile(defs, "wordsBeforeMagnitude");
    this.pre = compile(defs, "pre");
    this.post = compile(defs, "post");
    this.parenCodeBefore = compile(defs, "parenCodeBefore");
    this.num = compile(defs, "num");
    this.wordNum = compile(defs, "wordNum");
    this.scale = compile(defs, "scale");
    this.yearBefore = compile(defs, "yearBefore");
    this.vague = compile(defs, "vague");
    this.few = compile(defs, "few");
    this.rangeSep = compile(defs, "rangeSep");
    this.andSep = compile(defs, "andSep");
    this.betweenBefore = compile(defs, "betweenBefore");
    this.fromBefore = compile(defs, "fromBefore");
    this.hedgeBefore = compile(defs, "hedgeBefore");
    this.hedgeAfter = compile(defs, "hedgeAfter");
    this.convOpen = compile(defs, "convOpen");
    this.convClose = compile(defs, "convClose");
    this.convOr = compile(defs, "convOr");
  }

  /** This call's matchers over {@code text}, which it reads up to {@code to}. */
  Scan scan(CharSequence text, int to) {
    return new Scan(this, text, to);
  }

  /** NAME TAB regex, in file order (a line may use the lines above it). */
  private static Map<String, String> read(String name, InputStream in) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : TableResources.lines(in)) {
      int tab = line.indexOf('\t');
      if (tab <= 0 || out.put(line.substring(0, tab), line.substring(tab + 1)) != null) {
        throw new IllegalArgumentException(name + ": expected a new NAME<TAB>regex: " + line);
      }
    }
    return out;
  }

  /** {@code regex} with each {@code ${NAME}} replaced by its definition; nothing inserted is expanded again. */
  static String expand(String name, String regex, Map<String, String> defs) {
    Matcher m = PLACEHOLDER.matcher(regex);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = defs.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(RESOURCE + ": " + name + " uses ${" + m.group(1) + "}, not defined above");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static Pattern compile(Map<String, String> defs, String name) {
    String regex = defs.get(name);
    if (regex == null) {
      throw new IllegalStateException(RESOURCE + ": no pattern " + name);
    }
    return Pattern.compile(regex);
  }
}
