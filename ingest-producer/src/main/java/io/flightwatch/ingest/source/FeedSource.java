package io.flightwatch.ingest.source;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.flightwatch.common.FeedState;
import io.flightwatch.common.PublicationDates;
import io.flightwatch.ingest.ArticleIds;
import io.flightwatch.ingest.IngestConfig;
import io.flightwatch.ingest.SkipException;
import io.flightwatch.ingest.SkipReason;
import io.flightwatch.ingest.http.HttpFetcher;
import io.flightwatch.ingest.text.HtmlExtractor;
import io.flightwatch.ingest.text.Texts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An RSS 2.0 or Atom feed, polled with conditional GET. Parsing is done by Rome with DOCTYPEs refused, so no DTD is
 * read, no external entity is resolved (XXE cannot read a file or reach a host) and no entity is expanded (billion
 * laughs).
 *
 * <p>Each entry's body is its full content (content:encoded, Atom content) as plain text when that is long enough,
 * otherwise the main text of the linked page. A poll that had a transient failure on an item (timeout, HTTP error,
 * network) does not store the feed's validators, so the next poll gets the full feed again and retries that item; items
 * published before are then recognised as duplicates.
 */
public final class FeedSource implements Source {

  private static final Logger log = LoggerFactory.getLogger(FeedSource.class);
  /** Entries handled in this process (link + dates), so an unchanged entry does not refetch its page on every poll. */
  private static final int HANDLED_MAX = 10_000;

  private final URI url;
  private final IngestConfig config;
  private final HttpFetcher fetcher;
  private final Clock clock;
  private final Map<String, Boolean> handled = new LinkedHashMap<>(16, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > HANDLED_MAX;
    }
  };
  private FeedState state;
  private String lastOutcome = "none";
  private final PageRechecks pages = new PageRechecks(HANDLED_MAX);
  /** What a feed entry was built from, when its text came from the linked page (so the page can be asked again). */
  private record Built(io.flightwatch.common.Article article, PageRechecks.Linked page) {}

  /** Linked pages asked again per poll, at most: a large feed's pages are spread over several polls. */
  static final int RECHECKS_PER_POLL = 20;

  public FeedSource(IngestConfig config, HttpFetcher fetcher, URI url, Clock clock) {
    this.url = url;
    this.config = config;
    this.fetcher = fetcher;
    this.clock = clock;
    this.state = new FeedState(url.toString(), null, null, 0, null);
  }

  @Override
  public String name() {
    return url.toString();
  }

  @Override
  public boolean continuous() {
    return true;
  }

  @Override
  public void restore(Map<String, FeedState> states) {
    FeedState s = states.get(url.toString());
    if (s != null) {
      state = s;
    }
  }

  public FeedState state() {
    return state;
  }

  /** Last poll + interval, doubled per consecutive failure up to {@code ingest.backoff.max.ms}. */
  @Override
  public Instant nextPollAt() {
    if (state.lastPolledAt() == null) {
      return Instant.MIN;
    }
    return state.lastPolledAt().plus(delay(state.consecutiveFailures()));
  }

  Duration delay(int failures) {
    Duration base = config.pollInterval();
    Duration max = config.backoffMax();
    Duration d = base;
    for (int i = 0; i < failures && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(max) > 0 ? (base.compareTo(max) > 0 ? base : max) : d;
  }

  @Override
  public void emit(Emitter out) throws InterruptedException {
    Instant now = clock.instant();
    Map<String, String> validators = validators(state.etag(), state.lastModified());
    SyndFeed feed;
    HttpFetcher.Response response;
    try {
      response = fetcher.get(url, validators);
      if (response.notModified()) {
        log.debug("Feed {} not modified", url);
        lastOutcome = "not_modified";
        recheckPages(out);
        update(out, new FeedState(url.toString(), state.etag(), state.lastModified(), 0, now));
        return;
      }
      feed = parse(response);
    } catch (SkipException e) {
      out.skipped(url.toString(), e.reason(), e.detail());
      lastOutcome = "failed";
      int failures = state.consecutiveFailures() + 1;
      update(out, new FeedState(url.toString(), state.etag(), state.lastModified(), failures, now));
      if (failures > 1) {
        log.info("Feed {} failed {} times in a row; next poll in {}", url, failures, delay(failures));
      }
      return;
    }
    boolean transientItemFailure = false;
    String feedLanguage = language(feed.getLanguage());
    Map<String, Long> links = feed.getEntries().stream().filter(e -> e.getLink() != null)
        .collect(Collectors.groupingBy(SyndEntry::getLink, Collectors.counting()));
    for (SyndEntry entry : feed.getEntries()) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("stopped while reading " + url);
      }
      String key = entryKey(entry);
      boolean carriesContent = entry.getContents() != null && !entry.getContents().isEmpty();
      if (key != null && handled.containsKey(key) && !carriesContent) {
        continue;
      }
      String origin = entryOrigin(entry);
      try {
        Built built = toArticle(entry, feedLanguage, response.uri());
        io.flightwatch.common.Article a = built.article();
        if (entry.getLink() != null && links.get(entry.getLink()) > 1) {
          a = ArticleIds.withSharedLinkId(a, entryIdentity(entry));
        } else if (built.page() != null) {
          pages.remember(built.page());
        }
        out.article(a);
        remember(key);
      } catch (SkipException e) {
        out.skipped(origin, e.reason(), e.detail());
        if (e.reason().transientFailure()) {
          transientItemFailure = true;
        } else {
          remember(key);
        }
      }
    }
    lastOutcome = "ok";
    recheckPages(out);
    // Keep the old validators after a transient item failure: the next poll then gets the whole feed and retries it.
    update(out, transientItemFailure
        ? new FeedState(url.toString(), state.etag(), state.lastModified(), 0, now)
        : new FeedState(url.toString(), response.header("ETag").orElse(null),
            response.header("Last-Modified").orElse(null), 0, now));
  }

  private void remember(String key) {
    if (key != null) {
      handled.put(key, Boolean.TRUE);
    }
  }

  private void update(Emitter out, FeedState next) {
    state = next;
    out.feedState(next);
    out.checkpoint();
  }

  private SyndFeed parse(HttpFetcher.Response response) throws SkipException {
    String text;
    try (Reader r = new XmlReader(new ByteArrayInputStream(response.body()),
        response.header("Content-Type").orElse(null), true)) {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      int n;
      while ((n = r.read(buf)) > 0) {
        sb.append(buf, 0, n);
      }
      text = sb.toString();
    } catch (IOException e) {
      throw new SkipException(SkipReason.MALFORMED_XML, "cannot decode the feed: " + e.getMessage());
    }
    Texts.checkReplacements(text, config.maxInvalidUtf8Ratio());
    String head = text.stripLeading().toLowerCase(Locale.ROOT);
    if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
      throw new SkipException(SkipReason.NOT_A_FEED, "an HTML page, not RSS or Atom");
    }
    SyndFeedInput input = new SyndFeedInput();
    // Explicit although it is Rome's default: a DOCTYPE is where XXE and entity-expansion attacks live.
    input.setAllowDoctypes(false);
    try {
      return input.build(new StringReader(text));
    } catch (FeedException e) {
      java.util.Set<String> parts = new java.util.LinkedHashSet<>();
      for (Throwable c = e; c != null; c = c.getCause()) {
        String m = c.getMessage();
        if (m != null && parts.stream().noneMatch(p -> p.contains(m))) {
          parts.add(m);
        }
      }
      String msg = String.join(" / ", parts);
      if (msg.toLowerCase(Locale.ROOT).contains("doctype")) {
        throw new SkipException(SkipReason.XML_DOCTYPE_FORBIDDEN, "DOCTYPE refused (DTDs, external entities and entity"
            + " expansion are not allowed in feeds)");
      }
      throw new SkipException(SkipReason.MALFORMED_XML, msg);
    } catch (IllegalArgumentException e) {
      throw new SkipException(SkipReason.NOT_A_FEED, "XML but neither RSS nor Atom: " + e.getMessage());
    }
  }

  private Built toArticle(SyndEntry entry, String feedLanguage, URI feedUri)
      throws SkipException, InterruptedException {
    String link = resolve(feedUri, entry.getLink());
    if (link == null && entry.getUri() != null && entry.getUri().startsWith("http")) {
      link = resolve(feedUri, entry.getUri());
    }
    String title = Texts.fold(entry.getTitle());
    String content = entry.getContents() == null ? "" : entry.getContents().stream()
        .map(SyndContent::getValue)
        .filter(v -> v != null && !v.isBlank())
        .collect(Collectors.joining("\n\n"));
    String body = Texts.plain(content);
    Instant published = instant(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate());
    String dateSource = published == null ? null : PublicationDates.FEED;
    String language = feedLanguage;
    if (body.length() < config.minBodyChars()) {
      if (link == null) {
        throw new SkipException(SkipReason.MISSING_FIELD, "entry has neither content nor a link");
      }
      URI page = URI.create(link);
      HttpFetcher.Response r = fetcher.get(page, Map.of());
      PageRechecks.Linked linked = new PageRechecks.Linked(link, title, published, dateSource, language,
          r.header("ETag").orElse(null), r.header("Last-Modified").orElse(null), clock.instant());
      return new Built(fromPage(linked, LinkedPage.parse(page, r, config.maxInvalidUtf8Ratio())), linked);
    }
    if (title.isEmpty()) {
      throw new SkipException(SkipReason.MISSING_FIELD, "entry has no title");
    }
    return new Built(Items.build(config.minBodyChars(), link, url.toString(), title, body, language, published,
        dateSource, clock.instant()), null);
  }

  /** The article of an entry whose text is its linked page: the feed's title, date and language unless it has none. */
  private io.flightwatch.common.Article fromPage(PageRechecks.Linked entry, HtmlExtractor.Page page)
      throws SkipException {
    String title = entry.title().isEmpty() ? page.title() : entry.title();
    if (title == null || title.isEmpty()) {
      throw new SkipException(SkipReason.MISSING_FIELD, "entry has no title");
    }
    boolean metaDate = entry.published() == null && page.publishedAt() != null;
    return Items.build(config.minBodyChars(), page.canonicalUrl() != null ? page.canonicalUrl() : entry.link(),
        url.toString(), title, page.body(), page.language() != null ? page.language() : entry.language(),
        metaDate ? page.publishedAt() : entry.published(), metaDate ? PublicationDates.META : entry.dateSource(),
        clock.instant());
  }

  /**
   * Asks the linked pages due again, conditionally: an unchanged page costs one 304; a changed one is offered again and
   * becomes a new version of its article (the publisher drops an unchanged text as a duplicate).
   */
  private void recheckPages(Emitter out) throws InterruptedException {
    Instant now = clock.instant();
    for (PageRechecks.Linked l : pages.due(now, config.pageRecheckInterval(), RECHECKS_PER_POLL)) {
      URI page = URI.create(l.link());
      try {
        HttpFetcher.Response r = fetcher.get(page, validators(l.etag(), l.lastModified()));
        if (r.notModified()) {
          pages.remember(l.checked(l.etag(), l.lastModified(), now));
          continue;
        }
        PageRechecks.Linked next = l.checked(r.header("ETag").orElse(null), r.header("Last-Modified").orElse(null),
            now);
        pages.remember(next);
        out.article(fromPage(next, LinkedPage.parse(page, r, config.maxInvalidUtf8Ratio())));
      } catch (SkipException e) {
        if (e.reason().transientFailure()) {
          pages.remember(l.checked(l.etag(), l.lastModified(), now));
        } else {
          pages.forget(l.link());
        }
        log.info("Recheck of linked page {} failed: {} ({})", l.link(), e.reason().wireName(), e.detail());
      }
    }
  }

  private static Map<String, String> validators(String etag, String lastModified) {
    Map<String, String> v = new LinkedHashMap<>();
    if (etag != null) {
      v.put("If-None-Match", etag);
    }
    if (lastModified != null) {
      v.put("If-Modified-Since", lastModified);
    }
    return v;
  }

  @Override
  public String lastOutcome() {
    return lastOutcome;
  }

  private static String resolve(URI base, String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    try {
      URI u = base.resolve(link.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return Set.of("http", "https").contains(scheme) ? u.toString() : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String entryKey(SyndEntry e) {
    String id = e.getLink() != null ? e.getLink() : e.getUri();
    if (id == null) {
      return null;
    }
    return id + "|" + entryIdentity(e) + "|" + time(e.getPublishedDate()) + "|" + time(e.getUpdatedDate());
  }

  /** What tells an entry apart from others under the same link: its guid when it has its own, else its title. */
  private static String entryIdentity(SyndEntry e) {
    String guid = e.getUri();
    return guid != null && !guid.equals(e.getLink()) ? guid : Texts.fold(e.getTitle());
  }

  private static long time(Date d) {
    return d == null ? 0 : d.getTime();
  }

  private String entryOrigin(SyndEntry e) {
    if (e.getLink() != null) {
      return e.getLink();
    }
    return url + " entry '" + Texts.fold(e.getTitle()) + "'";
  }

  private static Instant instant(Date d) {
    return d == null ? null : d.toInstant();
  }

  private static String language(String lang) {
    if (lang == null) {
      return null;
    }
    String l = lang.strip().toLowerCase(Locale.ROOT);
    int dash = l.indexOf('-');
    l = dash > 0 ? l.substring(0, dash) : l;
    return l.matches("[a-z]{2,3}") ? l : null;
  }
}
