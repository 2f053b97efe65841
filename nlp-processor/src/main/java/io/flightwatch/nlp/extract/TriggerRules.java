package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.CoreMapExpressionExtractor;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TokensRegex rules of {@code triggers.rules}, each tried only on sentences that hold its first word. TokensRegex
 * sets up a matcher at every token for every rule; with some 150 rules that set-up, not the matching, cost a fifth of
 * the extractor's time. A rule whose first token is a required lemma or word ({@code [ { lemma:/flee|escape/ } ]},
 * {@code [ { word:/(?i)hiding/ } ]}, also with further conditions after {@code &}) runs only when a token of the
 * sentence has it; any other rule (a variable, a tag or entity class, an optional first token) runs on every sentence.
 * The matches of all rules are then resolved together as one extractor resolves them (nested and overlapping matches
 * dropped by priority and length), so the cues are those the whole file finds ({@code TriggerRulesTest} checks this on
 * the phrasing sentences).
 *
 * <p>Not thread-safe (TokensRegex extractors are not): one per annotator.
 */
final class TriggerRules {

  /** A rule's own extractor and what its first token must be (null: no such test, the rule always runs). */
  private record Rule(int line, CoreMapExpressionExtractor<MatchedExpression> extractor, Pattern lemma,
      Pattern word) {

    boolean mayMatch(List<CoreLabel> tokens) {
      if (lemma == null && word == null) {
        return true;
      }
      for (CoreLabel t : tokens) {
        if (lemma != null && t.lemma() != null && lemma.matcher(t.lemma()).matches()
            || word != null && t.word() != null && word.matcher(t.word()).matches()) {
          return true;
        }
      }
      return false;
    }
  }

  private static final Pattern FIRST_TERM = Pattern.compile("^\\{\\s*(lemma|word):/((?:[^/\\\\]|\\\\.)*)/\\s*}");

  private final List<Rule> rules = new ArrayList<>();

  TriggerRules(String resource) {
    Env env = TokenSequencePattern.getNewEnv();
    StringBuilder header = new StringBuilder();
    for (ResourceLines.Line l : ResourceLines.read("/" + resource)) {
      String text = Lexicon.standard().expand(l.text().strip());
      if (!text.startsWith("{")) {
        header.append(text).append('\n'); // "$FLEE = ( ... )": bound in the shared environment below
        continue;
      }
      if (header.length() > 0) {
        extractor(env, header.toString(), l.number());
        header.setLength(0);
      }
      Pattern[] first = firstToken(text);
      rules.add(new Rule(l.number(), extractor(env, text, l.number()), first[0], first[1]));
    }
  }

  private static CoreMapExpressionExtractor<MatchedExpression> extractor(Env env, String text, int line) {
    try {
      @SuppressWarnings("unchecked")
      CoreMapExpressionExtractor<MatchedExpression> e = CoreMapExpressionExtractor.createExtractorFromString(env,
          text);
      e.keepTemporaryTags(); // no rule tags tokens: nothing to clean up after each sentence
      return e;
    } catch (Exception e) {
      throw new IllegalStateException(Predicates.RULES + ":" + line + ": " + e.getMessage(), e);
    }
  }

  int size() {
    return rules.size();
  }

  /** How many rules test their first word before they run. */
  long anchored() {
    return rules.stream().filter(r -> r.lemma() != null || r.word() != null).count();
  }

  /** The matches of every rule on the sentence, resolved as one extractor resolves them, in token order. */
  List<MatchedExpression> matches(CoreMap sentence) {
    List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
    List<MatchedExpression> all = new ArrayList<>();
    for (Rule r : rules) {
      if (r.mayMatch(tokens)) {
        all.addAll(r.extractor().extractExpressions(sentence));
      }
    }
    all = MatchedExpression.removeNullValues(all);
    all = MatchedExpression.removeNested(all);
    all = MatchedExpression.removeOverlapping(all);
    all.sort(MatchedExpression.EXPR_TOKEN_OFFSETS_NESTED_FIRST_COMPARATOR);
    return all;
  }

  /**
   * {lemma, word}: what the first token of a rule's pattern must match, when that token is required and every
   * alternative of it names a lemma or a word; {null, null} otherwise.
   */
  static Pattern[] firstToken(String rule) {
    Pattern[] none = {null, null};
    int at = rule.indexOf("pattern:");
    if (at < 0) {
      return none;
    }
    int i = at + "pattern:".length();
    if (alternatives(rule, i)) {
      return none; // "( [ A ] | [ B ] )": the first token is one choice, not a requirement
    }
    while (i < rule.length() && (rule.charAt(i) == '(' || Character.isWhitespace(rule.charAt(i)))) {
      i++;
    }
    if (i >= rule.length() || rule.charAt(i) != '[') {
      return none; // a variable or a group first
    }
    int end = closing(rule, i);
    if (end < 0 || optional(rule, end + 1)) {
      return none;
    }
    StringBuilder lemmas = new StringBuilder();
    StringBuilder words = new StringBuilder();
    for (String alt : split(rule.substring(i + 1, end).strip(), '|')) {
      Matcher m = FIRST_TERM.matcher(alt.strip());
      if (!m.find()) {
        return none; // an alternative with no lemma or word of its own ("{ tag:MD } | ...")
      }
      StringBuilder to = m.group(1).equals("lemma") ? lemmas : words;
      to.append(to.length() > 0 ? "|" : "").append("(?:").append(m.group(2)).append(')');
    }
    return new Pattern[] {lemmas.length() == 0 ? null : Pattern.compile(lemmas.toString()),
        words.length() == 0 ? null : Pattern.compile(words.toString())};
  }

  /** Whether the pattern from {@code from} on has a "|" between token brackets (an alternation of sequences). */
  private static boolean alternatives(String s, int from) {
    boolean[] syntax = syntax(s);
    int tokens = 0;
    int braces = 0;
    for (int i = from; i < s.length(); i++) {
      if (!syntax[i]) {
        continue;
      }
      switch (s.charAt(i)) {
        case '[' -> tokens++;
        case ']' -> tokens--;
        case '{' -> braces++;
        case '}' -> braces--;
        case '|' -> {
          if (tokens == 0 && braces == 0) {
            return true;
          }
        }
        default -> { }
      }
      if (braces < 0) {
        return false; // the rule's closing brace: the pattern has ended
      }
    }
    return false;
  }

  /** The index of the "]" closing the "[" at {@code open}, outside /regex/ literals; -1 if none. */
  private static int closing(String s, int open) {
    boolean[] syntax = syntax(s);
    for (int i = open + 1; i < s.length(); i++) {
      if (syntax[i] && s.charAt(i) == ']') {
        return i;
      }
    }
    return -1;
  }

  /** A quantifier that lets the token be absent: "?", "*" or "{0,n}". */
  private static boolean optional(String s, int from) {
    String rest = s.substring(from).stripLeading();
    return rest.startsWith("?") || rest.startsWith("*") || rest.startsWith("{0");
  }

  /** {@code s} split at {@code sep} outside /regex/ literals and braces. */
  private static List<String> split(String s, char sep) {
    boolean[] syntax = syntax(s);
    List<String> out = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!syntax[i]) {
        continue;
      }
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (depth == 0 && c == sep) {
        out.add(s.substring(from, i));
        from = i + 1;
      }
    }
    out.add(s.substring(from));
    return out;
  }

  /** Which characters of {@code s} are pattern syntax: outside /regex/ literals and their slashes. */
  private static boolean[] syntax(String s) {
    boolean[] out = new boolean[s.length()];
    boolean regex = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (regex && c == '\\') {
        i++;
      } else if (c == '/') {
        regex = !regex;
      } else {
        out[i] = !regex;
      }
    }
    return out;
  }
}
