package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.semgrex.SemgrexMatcher;
import edu.stanford.nlp.semgraph.semgrex.SemgrexPattern;
import io.flightwatch.common.ClaimKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 3: the roles of a predicate, read from the dependency parse with the Semgrex patterns of {@code
 * roles/*.semgrex} (one line per role and construction, in the manner of CoreNLP's KBP Semgrex extractors).
 *
 * <pre>
 *   "Guatemala's former president, who left for Mexico, was extradited home from the US."
 *     left        ACTOR = president, DEST = Mexico
 *     extradited  ACTOR = president, SOURCE = US
 * </pre>
 * Immutable and thread-safe once loaded (Semgrex patterns are; each call makes its own matchers).
 */
final class RoleReader {

  /** One file per claim kind, in the manner of CoreNLP's KBP extractors' per-relation rule files. */
  static final List<String> RULES = List.of("/io/flightwatch/nlp/extract/roles/common.semgrex",
      "/io/flightwatch/nlp/extract/roles/fled.semgrex", "/io/flightwatch/nlp/extract/roles/returned.semgrex",
      "/io/flightwatch/nlp/extract/roles/money.semgrex");

  enum Role {
    ACTOR, THEME, DEST, ORIGIN, SOURCE, GIVER, HOME, VIA, HEDGE, BLOCK, PURPOSE, NEG, COMPANION
  }

  private record Rule(String kinds, Role role, SemgrexPattern pattern, int line) {}

  private final List<Rule> rules;

  private RoleReader(List<Rule> rules) {
    this.rules = rules;
  }

  static RoleReader load() {
    List<Rule> rules = new ArrayList<>();
    for (String file : RULES) {
      for (ResourceLines.Line l : ResourceLines.read(file)) {
        String[] f = l.text().split("\t");
        if (f.length != 3) {
          throw new IllegalStateException(file + ":" + l.number() + ": expected kinds<TAB>role<TAB>pattern");
        }
        rules.add(new Rule(f[0].strip(), Role.valueOf(f[1].strip()),
            SemgrexPattern.compile(Lexicon.standard().expand(f[2].strip())),
            l.number()));
      }
    }
    return new RoleReader(List.copyOf(rules));
  }

  /** Letter of a kind in the rule file. */
  static char letter(ClaimKind kind) {
    return switch (kind) {
      case OFFICIALS_FLED -> 'F';
      case OFFICIALS_RETURNED -> 'R';
      case MONEY_MOVED_ABROAD -> 'M';
      case MONEY_RECOVERED -> 'C';
    };
  }

  /**
   * Arguments per role for the predicate at token index {@code pred} (0-based) read as {@code kind}; each list in
   * sentence order without repeats. Empty when the sentence has no parse.
   */
  Map<Role, List<IndexedWord>> read(SemanticGraph graph, int pred, ClaimKind kind) {
    Map<Role, List<IndexedWord>> out = new EnumMap<>(Role.class);
    if (graph == null) {
      return out;
    }
    IndexedWord p = graph.getNodeByIndexSafe(pred + 1);
    if (p == null) {
      return out;
    }
    char k = letter(kind);
    for (Rule rule : rules) {
      if (!rule.kinds().equals("*") && rule.kinds().indexOf(k) < 0) {
        continue;
      }
      // every pattern's root is the predicate: match at that node only (each further matches() is the next match
      // there), not at every node of the graph, which made each rule cost a whole-graph search
      SemgrexMatcher m = rule.pattern().matcher(graph);
      for (boolean found = m.matchesAt(p); found; found = m.matches()) {
        IndexedWord arg = m.getNode("arg");
        if (arg != null) {
          List<IndexedWord> list = out.computeIfAbsent(rule.role(), r -> new ArrayList<>());
          if (!list.contains(arg)) {
            list.add(arg);
          }
        }
      }
    }
    out.values().forEach(l -> l.sort((a, b) -> Integer.compare(a.index(), b.index())));
    return out;
  }
}
