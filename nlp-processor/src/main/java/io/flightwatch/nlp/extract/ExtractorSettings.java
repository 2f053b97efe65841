package io.flightwatch.nlp.extract;

import io.flightwatch.common.Settings;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Settings of the extractor, shared by the stream processor and the batch {@code extract} command.
 *
 * @param nerProfile    which CoreNLP NER configuration runs
 * @param maxChars      at most this many characters of an article are annotated
 * @param relevanceGate skip CoreNLP for articles with none of the topic vocabulary
 */
public record ExtractorSettings(NerProfile nerProfile, int maxChars, boolean relevanceGate) {

  public static final String NER_PROFILE = "nlp.ner.profile";
  public static final String MAX_CHARS = "nlp.max.chars";
  public static final String RELEVANCE_GATE = "nlp.relevance.gate";

  public static final int DEFAULT_MAX_CHARS = 100_000;

  /** Which NER configuration the pipeline runs. */
  public enum NerProfile {
    /** 3-class CRF + the extractor's own small place/title gazetteers, no SUTime: about 8-14x faster than DEFAULT. */
    LEAN,
    /** CoreNLP's default {@code ner} (all CRFs, SUTime, the KBP fine-grained gazetteer), for comparison. */
    DEFAULT;

    public static NerProfile parse(String s) {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ExtractorSettings {
    if (nerProfile == null) {
      throw new IllegalArgumentException("nerProfile is required");
    }
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
    }
  }

  public static ExtractorSettings defaults() {
    return new ExtractorSettings(NerProfile.LEAN, DEFAULT_MAX_CHARS, true);
  }

  public ExtractorSettings withNerProfile(NerProfile p) {
    return new ExtractorSettings(p, maxChars, relevanceGate);
  }

  public ExtractorSettings withMaxChars(int n) {
    return new ExtractorSettings(nerProfile, n, relevanceGate);
  }

  public ExtractorSettings withRelevanceGate(boolean on) {
    return new ExtractorSettings(nerProfile, maxChars, on);
  }

  /** Adds the extractor's keys to a service's definition (the stream processor composes them into its own). */
  public static ConfigDef define(ConfigDef def) {
    return def
        .define(NER_PROFILE, Type.STRING, NerProfile.LEAN.wireName(),
            ConfigDef.CaseInsensitiveValidString.in("lean", "default"), Importance.MEDIUM,
            "NER configuration: 'lean' (3-class CRF + own small gazetteers, fast) or 'default' (CoreNLP's default ner,"
                + " for comparison).")
        .define(MAX_CHARS, Type.INT, DEFAULT_MAX_CHARS, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
            "Annotate at most this many characters of an article; longer texts are cut and marked truncated.")
        .define(RELEVANCE_GATE, Type.BOOLEAN, true, Importance.LOW,
            "Skip CoreNLP for articles that contain none of the flight/return/transfer vocabulary.");
  }

  /** Reads the keys defined by {@link #define}. */
  public static ExtractorSettings from(Settings s) {
    return new ExtractorSettings(NerProfile.parse(s.getString(NER_PROFILE)), s.getInt(MAX_CHARS),
        s.getBoolean(RELEVANCE_GATE));
  }
}
