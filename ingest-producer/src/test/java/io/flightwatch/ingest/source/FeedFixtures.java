package io.flightwatch.ingest.source;

/** Team-written feed fixtures (invented news). */
final class FeedFixtures {

  private FeedFixtures() {}

  static String rss(String items) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>Harbour Gazette</title>
            <link>https://gazette.example/</link>
            <description>Invented test news</description>
            <language>en-gb</language>
            %s
          </channel>
        </rss>
        """.formatted(items);
  }

  static String contentItem(String link, String title, String content) {
    return """
        <item>
          <title>%s</title>
          <link>%s</link>
          <pubDate>Tue, 04 Jun 2024 08:30:00 GMT</pubDate>
          <description>Short teaser.</description>
          <content:encoded><![CDATA[%s]]></content:encoded>
        </item>
        """.formatted(title, link, content);
  }

  static String linkItem(String link, String title) {
    return """
        <item>
          <title>%s</title>
          <link>%s</link>
          <pubDate>Wed, 05 Jun 2024 10:00:00 GMT</pubDate>
        </item>
        """.formatted(title, link);
  }

  static final String ATOM = """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
        <title>Valley Courier</title>
        <id>urn:example:valley-courier</id>
        <updated>2024-06-06T12:00:00Z</updated>
        <entry>
          <title>Port authority chief resigns after audit</title>
          <link href="https://courier.example/2024/06/port-chief?utm_source=atom"/>
          <id>urn:example:courier:1</id>
          <published>2024-06-06T09:15:00Z</published>
          <updated>2024-06-06T09:15:00Z</updated>
          <content type="html">&lt;p&gt;The head of the northern port authority stepped down on Thursday after
          auditors found gaps in the cargo ledgers.&lt;/p&gt;&lt;p&gt;Her deputy takes over \
          until a board vote.&lt;/p&gt;</content>
        </entry>
      </feed>
      """;

  static String page(String title, String canonical, String lang, String paragraphs) {
    return """
        <!DOCTYPE html>
        <html lang="%s"><head><title>%s</title>
        <link rel="canonical" href="%s">
        <meta property="article:published_time" content="2024-06-05T09:00:00Z">
        <script>var tracker = "should not appear";</script>
        <style>p { color: red }</style>
        </head>
        <body>
          <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
          <div class="layout">
            <aside>Most read: celebrity gossip and weather.</aside>
            <div class="story">%s</div>
          </div>
          <footer>Copyright the Harbour Gazette. All rights reserved. Cookie settings.</footer>
        </body></html>
        """.formatted(lang, title, canonical, paragraphs);
  }
}
