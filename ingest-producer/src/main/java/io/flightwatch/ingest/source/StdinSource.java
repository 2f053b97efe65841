package io.flightwatch.ingest.source;

import io.flightwatch.ingest.IngestConfig;
import io.flightwatch.ingest.SkipReason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

/** JSON lines from standard input (or any stream), one Article-like object per line. Finite. */
public final class StdinSource implements Source {

  private final InputStream in;
  private final LocalItems items;

  public StdinSource(IngestConfig config, InputStream in, Clock clock) {
    this.in = in;
    this.items = new LocalItems(config, clock);
  }

  @Override
  public String name() {
    return "stdin";
  }

  @Override
  public void emit(Emitter out) {
    try {
      items.readJsonLines(new BufferedInputStream(in), "stdin", out);
    } catch (IOException e) {
      out.skipped("stdin", SkipReason.READ_FAILED, e.toString());
    }
    out.checkpoint();
  }
}
