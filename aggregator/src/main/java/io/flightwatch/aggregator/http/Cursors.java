package io.flightwatch.aggregator.http;

import io.flightwatch.aggregator.topology.StoreKeys;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Cursors of the paginated lists. Every list is ordered by a <em>position</em>: a string whose natural order is the
 * list's order (for claims: the descending source count as fixed-width digits, then the claim key). A cursor is the
 * position of the last row a page held, with the name of its list, base64url-encoded: opaque to clients, and the next
 * page is "the rows whose position is greater". Positions are stable, so a row added or removed between two pages
 * shifts nothing else.
 */
final class Cursors {

  /** The response header that carries the next page's cursor (also in the body of lists that are JSON objects). */
  static final String NEXT_HEADER = "X-Next-Cursor";

  private static final int MAX_CURSOR_CHARS = 4_000;

  /** One page of a list: its rows and the cursor of the next page, or null when it was the last. */
  record Page<T>(List<T> rows, String next) {}

  private Cursors() {}

  static String encode(String list, String position) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((list + StoreKeys.SEP + position).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The position in {@code raw} (null when no cursor was given), checked: a cursor of list {@code list} whose position
   * matches {@code shape}. Anything else is a 400 that says what is wrong.
   */
  static String decode(String raw, String list, Pattern shape) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    if (raw.length() > MAX_CURSOR_CHARS || !raw.matches("[A-Za-z0-9_-]+")) {
      throw ApiException.badRequest("bad cursor: not a cursor this API gave (pass the 'next' of the previous page as "
          + "it is)");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Base64.getUrlDecoder().decode(raw))).toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw ApiException.badRequest("bad cursor: not a cursor this API gave (pass the 'next' of the previous page as "
          + "it is)");
    }
    int sep = text.indexOf(StoreKeys.SEP);
    if (sep < 0) {
      throw ApiException.badRequest("bad cursor: not a cursor this API gave (pass the 'next' of the previous page as "
          + "it is)");
    }
    String of = text.substring(0, sep);
    if (!of.equals(list)) {
      throw ApiException.badRequest("bad cursor: it continues the " + (of.matches("[a-z]{1,20}") ? of : "?")
          + " list, not the " + list + " list");
    }
    String position = text.substring(sep + 1);
    if (!shape.matcher(position).matches()) {
      throw ApiException.badRequest("bad cursor: malformed position for the " + list + " list");
    }
    return position;
  }

  /** The cursor of {@code ctx}'s {@code cursor} parameter for {@code list}. */
  static String after(Context ctx, String list, Pattern shape) {
    return decode(ctx.queryParam("cursor"), list, shape);
  }

  /**
   * The page after {@code after} (a position, null = from the start) of {@code rows} ordered by {@code position}; the
   * rows need not be sorted. {@code more} says that rows not passed here follow the last one passed (a part of the list
   * that stopped at its limit).
   */
  static <T> Page<T> page(List<T> rows, Function<T, String> position, String after, int limit, String list,
      boolean more) {
    List<T> sorted = new ArrayList<>();
    for (T row : rows) {
      if (after == null || position.apply(row).compareTo(after) > 0) {
        sorted.add(row);
      }
    }
    sorted.sort(Comparator.comparing(position));
    if (sorted.size() <= limit) {
      return new Page<>(sorted, more && !sorted.isEmpty() ? encode(list, position.apply(sorted.get(sorted.size() - 1)))
          : null);
    }
    List<T> kept = List.copyOf(sorted.subList(0, limit));
    return new Page<>(kept, encode(list, position.apply(kept.get(limit - 1))));
  }

  /** Sets the next-page header when there is a next page. */
  static void header(Context ctx, String next) {
    if (next != null) {
      ctx.header(NEXT_HEADER, next);
    }
  }

  /** A non-negative amount as fixed-width digits in descending order: larger amounts sort first. */
  static String descending(BigDecimal v) {
    StringBuilder out = new StringBuilder();
    for (char c : StoreKeys.sortable(v).toCharArray()) {
      out.append(Character.isDigit(c) ? (char) ('9' - c + '0') : c);
    }
    return out.toString();
  }
}
