package io.flightwatch.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicationDatesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      https://news.example.com/2019/12/20/minister-deported/                 | 2019-12-20
      http://www.example.cn/2015/04-29/163463.shtml                          | 2015-04-29
      https://usa.example.com/china/2016-07/25/content_26204320.htm          | 2016-07-25
      https://www.example.com/2020-08-11/fugitives-seized-abroad             | 2020-08-11
      https://example.ng/2022/7/25/s-africa-applies-for-extradition          | 2022-07-25
      https://example.ru/judicial_news/20150821/274453874.html               | 2015-08-21
      http://example.com/stories/201803260834.html                           | 2018-03-26
      http://www.example.com/view.php?ud=20190622000054                      | 2019-06-22
      http://www.example.com/2001/WORLD/americas/06/25/spy.chief/index.html  | 2001-06-25
      http://example.cn/a/201712/08/WS5a2a6f83.html                          | 2017-12-08
      https://example.pk/12-Feb-2019/nab-seeks-extradition                   | 2019-02-12
      https://www.example.com/world/la-xpm-2013-may-24-la-fg-extradite-story | 2013-05-24
      http://example.co.uk/news/2017/08/26/former-pm-fled                    | 2017-08-26
      http://example.co.uk/news/2017/08/former-pm-fled                       | 2017-08-01
      """)
  void datesInUrlPaths(String url, String date) {
    assertThat(PublicationDates.fromUrl(url, TODAY)).contains(LocalDate.parse(date));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      https://www.example.com/news/a-17695238
      https://example.com/article/5eec5c3ff88e420f9678973e9ab93a09
      https://www.example.com/2019/13/40/not-a-date
      https://www.example.com/1985/06/01/too-early
      https://www.example.com/2031/06/01/in-the-future
      https://example.com/node/1502806
      """)
  void idsAndImpossibleDatesAreNotDates(String url) {
    assertThat(PublicationDates.fromUrl(url, TODAY)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      WASHINGTON, Aug. 14, 2014 (Wire) — Officials said on Thursday…         | 2014-08-14
      LAGOS, 3 March 2021 — The commission said…                             | 2021-03-03
      Published: 7/26/2011. Twelve officials left the country.               | 2011-07-26
      Updated 14 August 2014 — A former minister returned.                   | 2014-08-14
      Posted on 2022-04-04 by the desk. Kenya received funds.                | 2022-04-04
      NAIROBI, Sept 5, 2019 - The court heard…                               | 2019-09-05
      """)
  void datelines(String text, String date) {
    assertThat(PublicationDates.fromText(text, TODAY)).contains(LocalDate.parse(date));
  }

  @Test
  void aPublishedLineOrALoneDateLineWinsOverADateInACaption() {
    assertThat(PublicationDates.fromText("By A. Writer Source: Daily Wire Published: 2017/10/17 18:52:04\nText.",
        TODAY))
        .contains(LocalDate.of(2017, 10, 17));
    String captioned = "Menu\nThe minister arrives in Geneva on March 28, 2014 for talks.\nInterview: A. Writer\n"
        + "June 10, 2014\n\nOver a thousand officials are missing.";
    assertThat(PublicationDates.fromText(captioned, TODAY)).contains(LocalDate.of(2014, 6, 10));
    assertThat(PublicationDates.fromText("date 2022-08-04 Three athletes vanish from their village", TODAY))
        .contains(LocalDate.of(2022, 8, 4));
  }

  @Test
  void aDateDeepInTheStoryIsNoDateline() {
    String text = "The minister fled the country and has not returned. ".repeat(12)
        + "He left on March 3, 2009, investigators said.";
    assertThat(PublicationDates.fromText(text, TODAY)).isEmpty();
    assertThat(PublicationDates.fromText("No date here at all.", TODAY)).isEqualTo(Optional.empty());
  }

  @Test
  void theGivenDateWinsThenTheUrlThenTheText() {
    Instant given = Instant.parse("2020-01-02T03:04:05Z");
    assertThat(PublicationDates.resolve(given, PublicationDates.FEED, "https://x.example/2019/12/20/a", "", TODAY))
        .isEqualTo(new PublicationDates.Found(given, "feed"));
    assertThat(PublicationDates.resolve(null, null, "https://x.example/2019/12/20/a", "LAGOS, 3 March 2021 —", TODAY))
        .isEqualTo(new PublicationDates.Found(Instant.parse("2019-12-20T00:00:00Z"), "url"));
    assertThat(PublicationDates.resolve(null, null, null, "LAGOS, 3 March 2021 — text", TODAY))
        .isEqualTo(new PublicationDates.Found(Instant.parse("2021-03-03T00:00:00Z"), "text"));
    assertThat(PublicationDates.resolve(null, null, null, "Nothing dated.", TODAY))
        .isEqualTo(new PublicationDates.Found(null, "none"));
  }
}
