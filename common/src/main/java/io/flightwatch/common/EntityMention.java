package io.flightwatch.common;

/**
 * A named entity found in an article.
 *
 * @param type       CoreNLP-style type: PERSON, ORGANIZATION, LOCATION, COUNTRY, CITY, STATE_OR_PROVINCE, NATIONALITY,
 *                   TITLE, MONEY, NUMBER, DATE
 * @param text       the text as it stands
 * @param begin      character offset in {@link Article#fullText()}
 * @param end        end offset (exclusive)
 * @param normalized normalised value: ISO alpha-2 for places and nationalities, a number or ISO date, else null
 */
public record EntityMention(String type, String text, int begin, int end, String normalized) {}
