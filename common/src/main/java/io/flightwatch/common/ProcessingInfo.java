package io.flightwatch.common;

import java.util.List;

/**
 * How an article was processed.
 *
 * @param extractorVersion version of the extraction rules and tables
 * @param pipeline         the CoreNLP annotators that ran ("" when the relevance gate skipped the article)
 * @param relevant         whether the relevance gate let the article through to full annotation
 * @param characters       characters of text read
 * @param tokens           tokens annotated
 * @param truncated        the text was cut to the configured cap before annotation
 * @param warnings         what went wrong without stopping the record ("body truncated from 10485760 to 200000 chars")
 */
public record ProcessingInfo(
    String extractorVersion,
    String pipeline,
    boolean relevant,
    int characters,
    int tokens,
    boolean truncated,
    List<String> warnings) {

  public ProcessingInfo {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
