package io.flightwatch.nlp.extract;

import io.flightwatch.nlp.ArticleAnnotator;
import io.flightwatch.nlp.geo.CountryResolver;
import io.flightwatch.nlp.geo.Gazetteer;
import io.flightwatch.common.MoneyMention;
import io.flightwatch.nlp.money.MoneyExtractor;
import java.time.LocalDate;
import java.util.List;

/**
 * Loads everything heavy once (CoreNLP models, place tables, money tables) and hands out cheap per-thread annotators.
 *
 * <pre>{@code
 * AnnotatorFactory factory = AnnotatorFactory.create(ExtractorSettings.defaults()); // ~10 s: loads the models
 * ArticleAnnotator annotator = factory.newAnnotator();                             // per stream thread, instant
 * }</pre>
 */
public final class AnnotatorFactory {

  /** Version of the rules and tables; goes into every {@code ProcessingInfo}. */
  public static final String EXTRACTOR_VERSION = "extract-3";

  private final ExtractorSettings settings;
  private final CountryResolver places;
  private final NlpPipeline pipeline;
  private final MoneyFinder money;
  private final RoleReader roles = RoleReader.load();
  private final Gazetteer gazetteer = Gazetteer.load();

  private AnnotatorFactory(ExtractorSettings settings, CountryResolver places, NlpPipeline pipeline,
      MoneyFinder money) {
    this.settings = settings;
    this.places = places;
    this.pipeline = pipeline;
    this.money = money;
  }

  public static AnnotatorFactory create(ExtractorSettings settings) {
    CountryResolver places = CountryResolver.load();
    NlpPipeline pipeline = NlpPipeline.build(settings.nerProfile(), places);
    MoneyExtractor moneyExtractor = MoneyExtractor.withDefaults();
    MoneyFinder money = new MoneyFinder() {
      @Override
      public List<MoneyMention> find(CharSequence text, LocalDate date) {
        return moneyExtractor.find(text, date);
      }

      @Override
      public MoneyMention at(MoneyMention mention, LocalDate date) {
        return moneyExtractor.at(mention, date);
      }
    };
    return new AnnotatorFactory(settings, places, pipeline, money);
  }

  /** A new annotator sharing this factory's models; not thread-safe, one per thread. */
  public ArticleAnnotator newAnnotator() {
    return new CoreNlpAnnotator(settings, places, gazetteer, pipeline, money, new ClaimPipeline(pipeline,
        Lexicon.standard(), roles, money));
  }

  /**
   * An annotator on the same models with other per-record settings (text cap, relevance gate); the NER profile is the
   * factory's, since it decides which models were loaded.
   */
  public ArticleAnnotator newAnnotator(ExtractorSettings perRecord) {
    if (perRecord.nerProfile() != settings.nerProfile()) {
      throw new IllegalArgumentException("this factory loaded the " + settings.nerProfile().wireName()
          + " NER profile, not " + perRecord.nerProfile().wireName());
    }
    return new CoreNlpAnnotator(perRecord, places, gazetteer, pipeline, money, new ClaimPipeline(pipeline,
        Lexicon.standard(), roles, money));
  }

  public ExtractorSettings settings() {
    return settings;
  }

  public CountryResolver places() {
    return places;
  }

  /** The annotators that run, e.g. {@code tokenize,ssplit,pos,lemma,ner (ner=lean)}. */
  public String pipelineDescription() {
    return pipeline.description();
  }
}
