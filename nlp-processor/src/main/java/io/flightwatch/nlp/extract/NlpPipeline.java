package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.util.CoreMap;
import io.flightwatch.nlp.extract.ExtractorSettings.NerProfile;
import io.flightwatch.nlp.geo.CountryResolver;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one CoreNLP pipeline of a process: built once (models loaded at start-up) and shared by every annotator.
 * {@link StanfordCoreNLP#annotate(Annotation)} is safe to call from several threads at once.
 *
 * <p>The LEAN profile runs the 3-class CRF, no SUTime, and a fine-grained regexner over the extractor's own small
 * tables (countries, aliases, demonyms, cities/regions from {@code io/flightwatch/nlp/geo/*.tsv}, titles from
 * {@code io/flightwatch/nlp/extract/titles.tsv}) instead of CoreNLP's large KBP gazetteer, which is where the default
 * {@code ner} spends most of its time.
 */
public final class NlpPipeline {

  private static final Logger LOG = LoggerFactory.getLogger(NlpPipeline.class);

  public static final String ANNOTATORS = "tokenize,ssplit,pos,lemma,ner";
  static final String THREE_CLASS = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
  static final String TITLES = "io/flightwatch/nlp/extract/titles.tsv";

  private static final Pattern REGEX_CHARS = Pattern.compile("[()\\[\\]{}*+?|^$\\\\]");

  private final StanfordCoreNLP pipeline;
  private final StanfordCoreNLP parser;
  private final NerProfile profile;
  private final String description;

  private NlpPipeline(StanfordCoreNLP pipeline, StanfordCoreNLP parser, NerProfile profile, String description) {
    this.pipeline = pipeline;
    this.parser = parser;
    this.profile = profile;
    this.description = description;
  }

  public static NlpPipeline build(NerProfile profile, CountryResolver places) {
    long t0 = System.nanoTime();
    Properties props = properties(profile, places);
    // Different profiles have different properties, but a rebuilt pipeline with equal ones would silently reuse the
    // pooled annotators; clearing keeps "build" meaning "load what these properties say".
    StanfordCoreNLP.clearAnnotatorPool();
    StanfordCoreNLP p = new StanfordCoreNLP(props);
    StanfordCoreNLP parser = new StanfordCoreNLP(parserProperties(), false);
    String desc = ANNOTATORS + " (ner=" + profile.wireName() + ") + depparse on candidate sentences";
    LOG.info("CoreNLP pipeline {} loaded in {} ms", desc, (System.nanoTime() - t0) / 1_000_000);
    return new NlpPipeline(p, parser, profile, desc);
  }

  static Properties properties(NerProfile profile, CountryResolver places) {
    Properties props = new Properties();
    props.setProperty("annotators", ANNOTATORS);
    props.setProperty("tokenize.language", "en");
    // Junk characters must not stop a record: drop them quietly instead of warning per character.
    // Curly apostrophes and quotes become ASCII in the token (the tagger learned "he'll", "Egypt's"; with "’ll" it
    // tags a verb); offsets and original text stay as printed.
    props.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=true,quotes=ascii");
    // Scraped articles hold one paragraph, caption or headline per line, often without a final full stop.
    props.setProperty("ssplit.newlineIsSentenceBreak", "always");
    if (profile == NerProfile.LEAN) {
      props.setProperty("ner.model", THREE_CLASS);
      props.setProperty("ner.useSUTime", "false");
      props.setProperty("ner.applyFineGrained", "true");
      props.setProperty("ner.fine.regexner.mapping",
          "ignorecase=false,validpospattern=^(NN|JJ).*," + placeMapping(places)
              + ";ignorecase=false,validpospattern=^(NN|JJ).*," + TITLES);
      props.setProperty("ner.fine.regexner.noDefaultOverwriteLabels", "CITY");
      props.setProperty("ner.buildEntityMentions", "false");
    } else {
      props.setProperty("ner.buildEntityMentions", "false");
    }
    return props;
  }

  /** The dependency parser alone: it runs on the few candidate sentences the other annotators already tagged. */
  static Properties parserProperties() {
    Properties props = new Properties();
    props.setProperty("annotators", "depparse");
    props.setProperty("enforceRequirements", "false");
    return props;
  }

  /**
   * Writes the place tables as a TokensRegexNER mapping (one escaped regex per token, as CoreNLP's tokenizer splits the
   * name) and returns its path. Generated from the same rows {@link CountryResolver} uses, so there is one source. The
   * file is named by its content and reused: a process killed before exit (tests, SIGKILL) leaves at most one file per
   * version of the tables in the temp folder, not one per start.
   */
  static String placeMapping(CountryResolver places) {
    StringBuilder rows = new StringBuilder();
    Set<String> seen = new LinkedHashSet<>();
    for (CountryResolver.Place p : places.places()) {
      String name = p.name().startsWith("the ") ? p.name().substring(4) : p.name();
      List<CoreLabel> toks = PTBTokenizer.newPTBTokenizer(new StringReader(name), false, false).tokenize()
          .stream().map(CoreLabel.class::cast).collect(Collectors.toList());
      if (toks.isEmpty()) {
        continue;
      }
      // Plain words, not regexes: TokensRegexNER looks literal rows up by string, but tries every regex row at
      // every token, which made the lean pipeline several times slower.
      String pattern = toks.stream().map(CoreLabel::word).collect(Collectors.joining(" "));
      if (REGEX_CHARS.matcher(pattern).find()) {
        continue;
      }
      if (seen.add(pattern)) {
        rows.append(pattern).append('\t').append(p.type().name()).append("\tLOCATION,ORGANIZATION,MISC,PERSON\t")
            .append(toks.size() > 1 ? "2.0" : "1.0").append('\n');
      }
    }
    byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
    try {
      String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(bytes)).substring(0, 16);
      Path dir = Path.of(System.getProperty("java.io.tmpdir"));
      Path f = dir.resolve("flightwatch-places-" + digest + ".tsv");
      if (!Files.exists(f) || Files.size(f) != bytes.length) {
        Path partial = Files.createTempFile(dir, "flightwatch-places-", ".part");
        Files.write(partial, bytes);
        Files.move(partial, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      return f.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the place mapping", e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  static CoreLabelTokenFactory tokenFactory() {
    return new CoreLabelTokenFactory();
  }

  public void annotate(Annotation doc) {
    pipeline.annotate(doc);
  }

  /**
   * Adds basic and enhanced++ dependencies to these sentences of an annotated document (tokens, tags and lemmas must be
   * there); the sentence maps are updated in place.
   */
  public void parse(List<CoreMap> sentences) {
    if (sentences.isEmpty()) {
      return;
    }
    sentences.forEach(TagRepair::repair);
    Annotation part = new Annotation("");
    part.set(CoreAnnotations.SentencesAnnotation.class, sentences);
    parser.annotate(part);
  }

  public NerProfile profile() {
    return profile;
  }

  public String description() {
    return description;
  }
}
