package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodReaderTest {

  private static final PeriodReader READER = new PeriodReader();
  private static final LocalDate PUBLISHED = LocalDate.of(2018, 5, 20);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      Police brought back 412 suspects in 2017, the ministry said.                      | 2017-01-01 | 2017-12-31
      More than 4,000 officials have fled since 2014.                                    | 2014-01-01 | 2018-05-20
      Some 300 officials left since March 2015, the agency said.                         | 2015-03-01 | 2018-05-20
      Between 2012 and 2016, 90 fugitives were returned from abroad.                     | 2012-01-01 | 2016-12-31
      In the 2014-2016 campaign, 2,020 suspects came back.                               | 2014-01-01 | 2016-12-31
      Last year 35 officials were extradited, prosecutors said.                          | 2017-01-01 | 2017-12-31
      In the first half of 2016, 409 suspects returned.                                  | 2016-01-01 | 2016-06-30
      The agency recovered $12 million in the third quarter.                             | 2018-07-01 | 2018-09-30
      Over the past decade some 18,000 officials have fled.                              | 2008-05-20 | 2018-05-20
      In the last five years 600 officials fled abroad.                                  | 2013-05-20 | 2018-05-20
      Thousands left over 30 years, the report says.                                     | 1988-05-20 | 2018-05-20
      Since the early 2000s, hundreds of officials have settled in Canada.               | 2000-01-01 | 2018-05-20
      """)
  void periodsFromTheSentenceAndTheArticlesDate(String sentence, String from, String to) {
    PeriodReader.Period p = READER.read(sentence, PUBLISHED).orElseThrow();
    assertThat(p.from()).isEqualTo(LocalDate.parse(from));
    assertThat(p.to()).isEqualTo(to == null ? null : LocalDate.parse(to));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      The minister fled to Canada with his family.
      The government plans to recover the money in 2025.
      Flight 2016 landed in Dubai at noon.
      """)
  void sentencesWithoutAPeriod(String sentence) {
    assertThat(READER.read(sentence, PUBLISHED)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Last year 35 officials were extradited.
      Over the past decade some 18,000 officials have fled.
      """)
  void relativePeriodsNeedTheArticlesDate(String sentence) {
    assertThat(READER.read(sentence, null)).isEmpty();
  }

  @Test
  void aFlowIsConvertedAtTheMiddleOfItsPeriodAndARunningTotalAtItsEnd() {
    PeriodReader.Period year = READER.read("Officials moved 4 billion roubles abroad in 2011.",
        PUBLISHED).orElseThrow();
    assertThat(year.rateDate(false, PUBLISHED)).isEqualTo(LocalDate.of(2011, 7, 2));
    PeriodReader.Period since = READER.read("Since 2014 the agency has recovered $90 million.", PUBLISHED)
        .orElseThrow();
    assertThat(since.rateDate(true, PUBLISHED)).isEqualTo(PUBLISHED);
    // a period that runs past the article ends, for the rates, on its publication day
    PeriodReader.Period thisYear = READER.read("This year the bureau froze $3 million.", PUBLISHED).orElseThrow();
    assertThat(thisYear.rateDate(true, PUBLISHED)).isEqualTo(PUBLISHED);
    assertThat(new PeriodReader.Period(LocalDate.of(2014, 1, 1), null).rateDate(true, null)).isNull();
  }
}
