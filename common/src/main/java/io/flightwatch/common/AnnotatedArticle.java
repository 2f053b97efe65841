package io.flightwatch.common;

import java.time.Instant;
import java.util.List;

/** The NLP result for one article version, as published to {@code articles.annotated} (key = article id). */
public record AnnotatedArticle(
    String articleId,
    String articleVersion,
    String url,
    String source,
    String title,
    Instant publishedAt,
    List<EntityMention> entities,
    List<MoneyMention> money,
    List<Claim> claims,
    ProcessingInfo processing) {

  public AnnotatedArticle {
    entities = entities == null ? List.of() : List.copyOf(entities);
    money = money == null ? List.of() : List.copyOf(money);
    claims = claims == null ? List.of() : List.copyOf(claims);
  }
}
