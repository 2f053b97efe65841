package io.flightwatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word lists and sentence templates of the generated corpus, read from a resource (format in the file's header,
 * {@code corpus-templates.txt}): {@code @name = a | b} lists, {@code [section]} template lines, and placeholders
 * {@code {a|b}}, {@code {n:LO-HI}}, {@code {N:LO-HI}}, {@code {dec:LO-HI}}, {@code {name}}, a list name, or a key of
 * the article's context; a template marked {@code ~ } is occasional ({@link #occasional}).
 */
final class Templates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern NUMBER = Pattern.compile("(n|N|dec):(\\d+)-(\\d+)");

  private final Map<String, List<String>> lists;
  private final Map<String, List<String>> sections;

  private Templates(Map<String, List<String>> lists, Map<String, List<String>> sections) {
    this.lists = lists;
    this.sections = sections;
  }

  /** Reads a resource next to this class. */
  static Templates load(String resource) {
    try (InputStream in = Templates.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource not found: " + resource);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Templates parse(String text) {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    Map<String, List<String>> sections = new LinkedHashMap<>();
    List<String> current = null;
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
      StringBuilder joined = new StringBuilder();
      for (String line; (line = r.readLine()) != null; ) {
        if (line.endsWith("\\")) {
          joined.append(line, 0, line.length() - 1);
          continue;
        }
        joined.append(line);
        lines.add(joined.toString());
        joined.setLength(0);
      }
      if (!joined.isEmpty()) {
        lines.add(joined.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("@")) {
        int eq = line.indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException("word list without '=': " + line);
        }
        List<String> words = new ArrayList<>();
        for (String w : line.substring(eq + 1).split("\\|")) {
          if (!w.isBlank()) {
            words.add(w.strip().replaceAll("\\s+", " "));
          }
        }
        lists.put(line.substring(1, eq).strip(), List.copyOf(words));
      } else if (line.startsWith("[") && line.endsWith("]")) {
        current = new ArrayList<>();
        sections.put(line.substring(1, line.length() - 1).strip(), current);
      } else if (current == null) {
        throw new IllegalArgumentException("template outside a section: " + line);
      } else {
        current.add(line);
      }
    }
    Map<String, List<String>> frozen = new LinkedHashMap<>();
    sections.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new Templates(Map.copyOf(lists), frozen);
  }

  private static final String OCCASIONAL = "~ ";

  /** Whether a template is marked occasional ({@code ~ } before it): used only now and then when its turn comes. */
  static boolean occasional(String template) {
    return template.startsWith(OCCASIONAL);
  }

  /** The templates of a section (in file order), occasional ones with their mark. */
  List<String> section(String name) {
    List<String> s = sections.get(name);
    if (s == null || s.isEmpty()) {
      throw new IllegalArgumentException("no templates in section [" + name + "]");
    }
    return s;
  }

  Iterable<String> sectionNames() {
    return sections.keySet();
  }

  List<String> list(String name) {
    List<String> l = lists.get(name);
    if (l == null || l.isEmpty()) {
      throw new IllegalArgumentException("no word list @" + name);
    }
    return l;
  }

  String pick(Random r, String list) {
    List<String> l = list(list);
    return l.get(r.nextInt(l.size()));
  }

  /** A fresh made-up full name. */
  String name(Random r) {
    return pick(r, "first") + " " + pick(r, "last");
  }

  /**
   * Fills every placeholder of {@code template}, innermost first (an alternative may hold placeholders); an unknown
   * placeholder is an error (a typo in the resource). An empty alternative leaves no double space or space before a
   * comma or full stop.
   */
  String expand(String template, Random r, Map<String, String> context) {
    String text = occasional(template) ? template.substring(OCCASIONAL.length()) : template;
    for (Matcher m = PLACEHOLDER.matcher(text); m.find(); m = PLACEHOLDER.matcher(text)) {
      StringBuilder out = new StringBuilder();
      do {
        m.appendReplacement(out, Matcher.quoteReplacement(fill(m.group(1), r, context, template)));
      } while (m.find());
      m.appendTail(out);
      text = out.toString();
    }
    return SPACE_BEFORE_PUNCTUATION.matcher(text.replaceAll(" {2,}", " ")).replaceAll("$1");
  }

  private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile(" ([.,;])");

  private String fill(String key, Random r, Map<String, String> context, String template) {
    if (key.indexOf('|') >= 0) {
      String[] alts = key.split("\\|", -1);
      return alts[r.nextInt(alts.length)];
    }
    Matcher num = NUMBER.matcher(key);
    if (num.matches()) {
      int lo = Integer.parseInt(num.group(2));
      int hi = Integer.parseInt(num.group(3));
      if (hi < lo) {
        throw new IllegalArgumentException("empty range {" + key + "} in: " + template);
      }
      int v = lo + r.nextInt(hi - lo + 1);
      return switch (num.group(1)) {
        case "N" -> String.format(Locale.ROOT, "%,d", v);
        case "dec" -> String.format(Locale.ROOT, "%d.%d", v / 10, v % 10);
        default -> Integer.toString(v);
      };
    }
    String v = context.get(key);
    if (v != null) {
      return v;
    }
    if (key.equals("name")) {
      return name(r);
    }
    if (lists.containsKey(key)) {
      return pick(r, key);
    }
    throw new IllegalArgumentException("unknown placeholder {" + key + "} in: " + template);
  }
}
