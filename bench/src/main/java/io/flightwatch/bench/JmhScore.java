package io.flightwatch.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;

/**
 * One JMH result in the bench's terms: which benchmark method, on which corpus, and its time per operation (one pass
 * over a group of articles). Kept apart from JMH's {@link RunResult} so the conversion to rates and the report can be
 * tested without running JMH.
 *
 * @param method      the {@link ArticleCostBenchmark} method name
 * @param corpus      the {@code corpus} parameter ({@link CorpusSpec#encode()})
 * @param msPerPass   mean time per operation over the measurement iterations, ms
 * @param errorMs     JMH's 99.9 % confidence half-width, ms (NaN with fewer than two iterations)
 * @param iterationMs each measurement iteration's mean, ms
 */
public record JmhScore(String method, String corpus, double msPerPass, double errorMs, List<Double> iterationMs) {

  public JmhScore {
    iterationMs = List.copyOf(iterationMs);
  }

  /** The scores of a {@code Runner.run()}; the benchmarks run in milliseconds per operation. */
  public static List<JmhScore> of(Collection<RunResult> results) {
    List<JmhScore> out = new ArrayList<>();
    for (RunResult r : results) {
      String benchmark = r.getParams().getBenchmark();
      List<Double> iterations = new ArrayList<>();
      for (BenchmarkResult b : r.getBenchmarkResults()) {
        for (IterationResult i : b.getIterationResults()) {
          iterations.add(i.getPrimaryResult().getScore());
        }
      }
      out.add(new JmhScore(benchmark.substring(benchmark.lastIndexOf('.') + 1), r.getParams().getParam("corpus"),
          r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(), iterations));
    }
    return out;
  }
}
