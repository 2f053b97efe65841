package io.flightwatch.ingest.source;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The linked pages a feed's articles were read from, with their HTTP validators, so they can be asked again on a slower
 * cycle than the feed: an edit to a page whose feed entry did not change (the feed may even answer 304) becomes a new
 * version of the article. Bounded: the oldest pages are forgotten first. Not thread-safe (one feed, one thread).
 */
final class PageRechecks {

  /** What is needed to build the article again from its page, and to ask for the page conditionally. */
  record Linked(String link, String title, Instant published, String dateSource, String language, String etag,
      String lastModified, Instant checkedAt) {

    Linked checked(String newEtag, String newLastModified, Instant at) {
      return new Linked(link, title, published, dateSource, language, newEtag, newLastModified, at);
    }
  }

  private final int max;
  private final Map<String, Linked> pages;

  PageRechecks(int max) {
    this.max = max;
    this.pages = new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Linked> eldest) {
        return super.size() > PageRechecks.this.max;
      }
    };
  }

  void remember(Linked page) {
    pages.remove(page.link()); // re-inserted last, so the least recently read page is forgotten first
    pages.put(page.link(), page);
  }

  void forget(String link) {
    pages.remove(link);
  }

  /** Pages last checked at least {@code every} ago, oldest first, at most {@code limit}. */
  List<Linked> due(Instant now, Duration every, int limit) {
    List<Linked> out = new ArrayList<>();
    for (Linked p : pages.values()) {
      if (out.size() >= limit) {
        break;
      }
      if (!p.checkedAt().plus(every).isAfter(now)) {
        out.add(p);
      }
    }
    return out;
  }

  int size() {
    return pages.size();
  }
}
