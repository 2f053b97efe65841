package io.flightwatch.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Samples;
import io.flightwatch.common.Subject;
import io.flightwatch.common.kafka.LocalKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** The dashboard in real headless Chromium: live updates without reload, and article text rendered as text. */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class DashboardIT {

  @TempDir
  static Path dir;

  static LocalKafka kafka;
  static AggregatorApp app;
  static HeadlessChromium chromium;
  static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    kafka = TestCluster.broker(dir);
    app = new AggregatorApp(TestCluster.settings(kafka, "dashboard-it", dir.resolve("state"))).start();
    await().atMost(Duration.ofSeconds(90)).until(() -> app.state() == KafkaStreams.State.RUNNING);

    chromium = HeadlessChromium.open(dir.resolve("chromium-profile"));
    browser = chromium.browser;
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (app != null) {
      app.close(Duration.ofSeconds(30));
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  private static Claim fled(String article, String destination, long count, String quote) {
    return Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "CN", destination)
        .article(article, article + "-v1").count(count).valueText(count + " officials").quote(quote)
        .url("https://news.example.org/dash/" + article).title("Test article " + article)
        .publishedAt(Instant.parse("2024-07-09T12:00:00Z")).keyed();
  }

  /** Read in one script call: the table is re-rendered on every update, so element handles go stale. */
  private static String cellText(String iso, String kind) {
    return chromium.text("#row-" + iso + " td." + kind);
  }

  @Test
  void rowChangesLiveAndArticleTextStaysText() {
    browser.get(app.url());
    await().atMost(Duration.ofSeconds(30))
        .until(() -> "live".equals(browser.findElement(By.id("status")).getText()));
    JavascriptExecutor js = browser;
    // A marker on the page: still there after the update proves the page was not reloaded.
    js.executeScript("window.__noReload = 'kept';");

    TestCluster.publish(kafka, List.of(fled("dash-1", "PT", 7, "Our test sentence about seven officials.")));
    await().atMost(Duration.ofSeconds(30)).until(() -> "7".equals(cellText("PT", "officials_fled")));

    TestCluster.publish(kafka, List.of(fled("dash-2", "PT", 30, "Our test sentence about thirty officials.")));
    await().atMost(Duration.ofSeconds(30)).until(() -> "30 – 37".equals(cellText("PT", "officials_fled")));
    assertThat(js.executeScript("return window.__noReload;")).isEqualTo("kept");
    assertThat(cellText("PT", "sources")).isEqualTo("2");
    // the bar chart (drawn by ECharts) has Portugal among its bars
    await().atMost(Duration.ofSeconds(60)).until(() -> String.valueOf(browser.executeScript(
        "return document.getElementById('chart').dataset.countries;")).contains("PT"));
    assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();

    String hostile = "Officials named <script>window.__pwned = 1;</script> and "
        + "<img src=x onerror=\"window.__pwned = 2\"> in a test sentence.";
    TestCluster.publish(kafka, List.of(fled("dash-3", "IS", 3, hostile)));
    await().atMost(Duration.ofSeconds(30)).until(() -> "3".equals(cellText("IS", "officials_fled")));
    // Clicked from a script in one step: a live update may re-render the table between a find and a click.
    js.executeScript("document.getElementById('row-IS').click();");
    await().atMost(Duration.ofSeconds(30))
        .until(() -> !browser.findElements(By.cssSelector("#evidence-list blockquote.quote")).isEmpty());

    WebElement quote = browser.findElement(By.cssSelector("#evidence-list blockquote.quote"));
    assertThat(quote.getText()).isEqualTo(hostile);
    assertThat(browser.findElements(By.cssSelector("#evidence script, #evidence img"))).isEmpty();
    assertThat(js.executeScript("return window.__pwned === undefined;")).isEqualTo(true);
    WebElement link = browser.findElement(By.cssSelector("#evidence-list a.source-link"));
    assertThat(link.getDomProperty("href")).isEqualTo("https://news.example.org/dash/dash-3");
  }

  @Test
  void onAPhoneThePageFitsAndTheKeyboardOpensACountry() {
    TestCluster.publish(kafka, List.of(fled("dash-kb", "PE", 6, "Our test sentence about six officials.")));
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      browser.get(app.url());
      await().atMost(Duration.ofSeconds(30)).until(() -> cellText("PE", "officials_fled") != null);
      // nothing wider than the screen: the table scrolls inside its panel
      Object overflow = browser.executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertThat(((Number) overflow).intValue()).as("page wider than a 390 px screen by").isLessThanOrEqualTo(0);
      // Tab from the period control reaches the rows; Enter on one opens its evidence
      browser.executeScript("document.getElementById('row-PE').focus();");
      browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
      await().atMost(Duration.ofSeconds(30)).until(() -> "Evidence for Peru".equals(chromium.text("#evidence-title")));
      assertThat(browser.findElement(By.id("row-PE")).getDomProperty("tabIndex")).isEqualTo("0");
      // the controls are buttons, a select and inputs: reachable and usable without a mouse
      browser.findElement(By.id("role-origin")).sendKeys(org.openqa.selenium.Keys.ENTER);
      await().atMost(Duration.ofSeconds(10)).until(() -> cellText("CN", "officials_fled") != null);
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }
  }

  @Test
  void roleToggleShowsOriginTotals() {
    TestCluster.publish(kafka, List.of(fled("dash-4", "MY", 4, "Our test sentence about four officials.")));
    browser.get(app.url());
    await().atMost(Duration.ofSeconds(30)).until(() -> cellText("MY", "officials_fled") != null);
    browser.findElement(By.id("role-origin")).click();
    await().atMost(Duration.ofSeconds(10)).until(() -> cellText("CN", "officials_fled") != null
        && cellText("MY", "officials_fled") == null);
  }

  @Test
  void theMapColoursTheCountriesWithClaimsAndAClickOpensTheirEvidence() {
    TestCluster.publish(kafka, List.of(fled("dash-5", "NO", 6, "Our test sentence about six officials in Norway.")));
    browser.get(app.url());
    try {
      // the map loads a 1 MB GeoJSON and the chart library: slow on two busy cores
      await().atMost(Duration.ofSeconds(90)).until(() -> {
        String countries = (String) browser.executeScript("return document.getElementById('map').dataset.countries;");
        return countries != null && List.of(countries.split(",")).contains("NO");
      });
    } catch (RuntimeException e) {
      System.err.println("map state when the wait gave up: "
          + browser.executeScript("return [document.getElementById('map').dataset.countries,"
          + " window.echarts ? 'echarts' : 'no echarts', document.getElementById('map').innerHTML.length,"
          + " Array.from(document.querySelectorAll('#rows tr')).map(r => r.id).join(','), window.location.href];"));
      browser.manage().logs().get("browser").forEach(l -> System.err.println("browser log: " + l));
      throw e;
    }
    assertThat(browser.findElements(By.cssSelector("#map canvas"))).isNotEmpty();
    // kept for the docs (docs/dashboard.png is a copy of one of these)
    java.io.File shot = browser.getScreenshotAs(org.openqa.selenium.OutputType.FILE);
    try {
      java.nio.file.Path out = java.nio.file.Path.of("target", "screenshots", "dashboard.png");
      java.nio.file.Files.createDirectories(out.getParent());
      java.nio.file.Files.copy(shot.toPath(), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    // a click on Norway's shape, through the chart's own event (a canvas has no element to click)
    browser.executeScript("echarts.getInstanceByDom(document.getElementById('map')).trigger('click', {name: "
        + "'Norway'});");
    await().atMost(Duration.ofSeconds(30)).until(() -> "Evidence for Norway".equals(chromium.text("#evidence-title"))
        && !browser.findElements(By.cssSelector("#evidence-list blockquote.quote")).isEmpty());
    // and its series by year: the claim is dated 2024
    await().atMost(Duration.ofSeconds(30)).until(() -> "2024".equals(browser.executeScript(
        "return document.getElementById('years-chart').dataset.years;")));
    // the country's claims download as CSV, the rows the panel shows
    String csvLink = browser.findElement(By.id("evidence-csv")).getDomProperty("href");
    assertThat(csvLink).contains("/api/countries/NO/evidence").contains("format=csv");
    java.net.http.HttpResponse<String> csv = TestCluster.get(csvLink.substring(0, csvLink.indexOf("/api/") + 1),
        csvLink.substring(csvLink.indexOf("/api/")));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body().lines().count() - 1).isEqualTo(
        browser.findElements(By.cssSelector("#evidence-list li.claim")).size());
  }

  @Test
  void theViewIsInTheUrlAndAReturnPointsHome() {
    Claim back = Samples.claim(0, ClaimKind.OFFICIALS_RETURNED, Subject.OFFICIALS, "RU", "GB")
        .article("dash-6", "dash-6-v1").count(2L).valueText("two officials").quote("Our test sentence: two came back.")
        .url("https://news.example.org/dash/dash-6").title("Test article dash-6")
        .publishedAt(Instant.parse("2024-07-09T12:00:00Z")).keyed();
    TestCluster.publish(kafka, List.of(back));
    // the page asks for a shared country's evidence once, on load: wait until the aggregator has it
    await().atMost(Duration.ofSeconds(30)).until(() -> TestCluster.get(app.url(), "/api/countries/RU/evidence").body()
        .contains("dash-6"));
    // a link shared before the kinds had one name (?kind=officialsReturned) still opens its view, in today's words
    browser.get(app.url() + "?role=origin&kind=officialsReturned&country=RU");
    await().atMost(Duration.ofSeconds(30)).until(() -> "2".equals(cellText("RU", "officials_returned"))
        && chromium.text("#evidence-list .claim-meta") != null);
    assertThat(browser.getCurrentUrl()).contains("kind=officials_returned").doesNotContain("officialsReturned");
    assertThat(browser.findElement(By.id("role-origin")).getDomAttribute("class")).contains("active");
    assertThat(browser.findElement(By.id("kind")).getDomProperty("value")).isEqualTo("officials_returned");
    assertThat(browser.findElement(By.id("row-RU")).getDomAttribute("class")).contains("selected");
    assertThat(chromium.text("#evidence-list .claim-meta")).startsWith("GB → RU");
    // a change of kind is written back into the URL
    browser.executeScript("const k = document.getElementById('kind'); k.value = 'money_moved_abroad';"
        + " k.dispatchEvent(new Event('change'));");
    await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("kind=money_moved_abroad")
        && browser.getCurrentUrl().contains("role=origin") && browser.getCurrentUrl().contains("country=RU"));
  }

  @Test
  void thePeriodControlFiltersTheTotalsAndTheDownload() {
    TestCluster.publish(kafka, List.of(fled("dash-7", "TN", 8, "Our test sentence about eight officials in Tunisia.")));
    browser.get(app.url() + "?from=2010&to=2012");
    await().atMost(Duration.ofSeconds(30)).until(() -> "live".equals(chromium.text("#status")));
    assertThat(cellText("TN", "officials_fled")).as("claims of 2024 are outside 2010-2012").isNull();
    assertThat(browser.findElement(By.id("download")).getDomProperty("href")).contains("format=csv")
        .contains("from=2010").contains("to=2012");
    browser.executeScript("const f = document.getElementById('from'); f.value = '2024'; f.dispatchEvent(new "
        + "Event('change')); const t = document.getElementById('to'); t.value = '2024'; t.dispatchEvent(new "
            + "Event('change'));");
    await().atMost(Duration.ofSeconds(30)).until(() -> "8".equals(cellText("TN", "officials_fled")));
    assertThat(browser.getCurrentUrl()).contains("from=2024").contains("to=2024");
  }

  /** The open country's flows, as the Sankey holds them (read from the chart, not a screenshot). */
  private static final String FLOW_LINKS = "const c = echarts.getInstanceByDom(document.getElementById('flows-chart'));"
      + " const o = c ? c.getOption() : null;"
      + " return o && o.series && o.series[0] ? o.series[0].links.map(l => l.source + '>' + l.target + ':' + l.value)"
      + ".sort().join(',') : '';";

  private static void period(String from, String to) {
    browser.executeScript("for (const [id, v] of [['from', arguments[0]], ['to', arguments[1]]]) {"
        + " const e = document.getElementById(id); e.value = v; e.dispatchEvent(new Event('change')); }", from, to);
  }

  @Test
  void anOpenCountrysFlowsFollowThePeriod() {
    Claim early = Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "UZ", "TR").article("dash-p1",
        "dash-p1-v1").count(5L).valueText("5 officials").quote("Our test sentence: 5 officials went to Turkey.")
        .url("https://news.example.org/dash/dash-p1").publishedAt(Instant.parse("2019-05-02T12:00:00Z")).keyed();
    Claim late = Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "UZ", "AE").article("dash-p2",
        "dash-p2-v1").count(9L).valueText("9 officials").quote("Our test sentence: 9 officials went to the UAE.")
        .url("https://news.example.org/dash/dash-p2").publishedAt(Instant.parse("2024-07-09T12:00:00Z")).keyed();
    TestCluster.publish(kafka, List.of(early, late));
    await().atMost(Duration.ofSeconds(30)).until(() -> TestCluster.get(app.url(), "/api/flows?country=UZ").body()
        .contains("\"TR\"") && TestCluster.get(app.url(), "/api/flows?country=UZ").body().contains("\"AE\""));
    browser.get(app.url() + "?role=origin&country=UZ");
    await().atMost(Duration.ofSeconds(60)).until(() -> "country:UZ>to:AE:9,country:UZ>to:TR:5".equals(
        browser.executeScript(FLOW_LINKS)));
    browser.executeScript("window.__noReload = 'kept';");

    // a period while the country is open: its flows are those of the period, like the map and the table
    period("2024", "2024");
    await().atMost(Duration.ofSeconds(30)).until(() -> "country:UZ>to:AE:9".equals(browser.executeScript(FLOW_LINKS)));
    assertThat(chromium.text("#flows-list li")).startsWith("Uzbekistan → AE: 9 – 9");
    assertThat(browser.findElement(By.id("flows-csv")).getDomProperty("href")).contains("country=UZ")
        .contains("from=2024").contains("to=2024");
    period("2019", "2019");
    await().atMost(Duration.ofSeconds(30)).until(() -> "country:UZ>to:TR:5".equals(browser.executeScript(FLOW_LINKS)));
    assertThat(chromium.text("#flows-list li")).startsWith("Uzbekistan → TR: 5 – 5");
    // a period without flows empties the chart and says so; no period again: every flow
    period("2010", "2011");
    await().atMost(Duration.ofSeconds(30)).until(() -> "".equals(browser.executeScript(FLOW_LINKS))
        && "No flows of this kind in this period".equals(chromium.text("#flows-title")));
    period("", "");
    await().atMost(Duration.ofSeconds(30)).until(() -> "country:UZ>to:AE:9,country:UZ>to:TR:5".equals(
        browser.executeScript(FLOW_LINKS)));
    assertThat(browser.executeScript("return window.__noReload;")).isEqualTo("kept");
    assertThat(browser.getCurrentUrl()).contains("country=UZ").doesNotContain("from=");
  }

  @Test
  void aCountrysNamedPeopleOpenTheirTimeline() {
    Claim named = Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "KE", "ZA")
        .article("dash-8", "dash-8-v1").count(1L).valueText("Peter Ochieng Wamalwa").namedPerson("Peter Ochieng "
            + "Wamalwa")
        .quote("Our test sentence: the former minister Peter Ochieng Wamalwa fled to South Africa.")
        .url("https://news.example.org/dash/dash-8").title("Test article dash-8")
        .publishedAt(Instant.parse("2024-07-09T12:00:00Z")).keyed();
    TestCluster.publish(kafka, List.of(named));
    await().atMost(Duration.ofSeconds(30)).until(() -> TestCluster.get(app.url(), "/api/cases?country=KE").body()
        .contains("Peter Ochieng Wamalwa"));
    browser.get(app.url() + "?role=origin&country=KE");
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      String head = chromium.text("#cases-list .case-head");
      return head != null && head.startsWith("Peter Ochieng Wamalwa") && head.contains("went to ZA");
    });
    browser.executeScript("document.querySelector('#cases-list .case-head').click();");
    await().atMost(Duration.ofSeconds(10)).until(() -> chromium.text("#cases-list .timeline .event-head") != null);
    assertThat(chromium.text("#cases-list .timeline .event-head")).contains("fled").contains("ZA");
    assertThat(chromium.text("#cases-list .timeline blockquote.quote")).contains("fled to South Africa");
    // the open case is in the URL, so the link reproduces it: the timeline is open without a click
    String shared = browser.getCurrentUrl();
    assertThat(shared).contains("country=KE").contains("case=");
    browser.get(app.url() + "?role=origin");
    browser.get(shared);
    await().atMost(Duration.ofSeconds(60)).until(() -> chromium.text("#cases-list .timeline blockquote.quote") != null);
    assertThat(chromium.text("#cases-list .timeline blockquote.quote")).contains("fled to South Africa");
    assertThat(browser.getCurrentUrl()).isEqualTo(shared);
    await().atMost(Duration.ofSeconds(30)).until(() -> chromium.text("#evidence-list .claim-head") != null);
    assertThat(chromium.text("#evidence-list .claim-head")).isEqualTo("officials fled: Peter Ochieng Wamalwa");
    screenshot("#cases-list", "case.png");
  }

  /** Kept for the docs (docs/dashboard-*.png are copies): the page scrolled to one view. */
  private void screenshot(String selector, String name) {
    browser.executeScript("document.querySelector(arguments[0]).scrollIntoView({block: 'start'});", selector);
    java.io.File shot = browser.getScreenshotAs(org.openqa.selenium.OutputType.FILE);
    try {
      java.nio.file.Path out = java.nio.file.Path.of("target", "screenshots", name);
      java.nio.file.Files.createDirectories(out.getParent());
      java.nio.file.Files.copy(shot.toPath(), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aClickedCountrysFlowsAreASankeyOfItsRoutesWithReturnsPointingHome() {
    Claim toDe = Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "KG", "DE").article("dash-f1",
        "dash-f1-v1")
        .count(12L).valueText("12 officials").quote("Our test sentence: 12 officials went to Germany.")
        .url("https://news.example.org/dash/dash-f1").publishedAt(Instant.parse("2024-07-09T12:00:00Z")).keyed();
    Claim toFr = Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "KG", "FR").article("dash-f2",
        "dash-f2-v1")
        .count(4L).valueText("4 officials").quote("Our test sentence: 4 officials went to France.")
        .url("https://news.example.org/dash/dash-f2").publishedAt(Instant.parse("2024-07-09T12:00:00Z")).keyed();
    Claim back = Samples.claim(0, ClaimKind.OFFICIALS_RETURNED, Subject.OFFICIALS, "KG", "DE")
        .article("dash-f3", "dash-f3-v1").count(2L).valueText("two officials")
        .quote("Our test sentence: two came back from Germany.").url("https://news.example.org/dash/dash-f3")
        .publishedAt(Instant.parse("2024-07-09T12:00:00Z")).keyed();
    TestCluster.publish(kafka, List.of(toDe, toFr, back));
    browser.get(app.url() + "?role=origin");
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> "2".equals(cellText("KG", "officials_returned")));
    } catch (RuntimeException e) {
      System.err.println("page state when the wait gave up: " + browser.executeScript("return [document.getElementById("
          + "'status').textContent, document.querySelector('#row-KG') ? document.querySelector('#row-KG').outerHTML"
          + " : 'no KG row', Array.from(document.querySelectorAll('#rows tr')).map(r => r.id).join(','),"
          + " window.location.href];") + "; the API: " + TestCluster.get(app.url(), "/api/countries/KG").body());
      browser.manage().logs().get("browser").forEach(l -> System.err.println("browser log: " + l));
      throw e;
    }
    browser.executeScript("document.getElementById('row-KG').click();");
    String links = "const c = echarts.getInstanceByDom(document.getElementById('flows-chart'));"
        + " return c ? c.getOption().series[0].links.map(l => l.source + '>' + l.target + ':' + "
            + "l.value).sort().join(',')"
        + " : null;";
    await().atMost(Duration.ofSeconds(30)).until(() -> "country:KG>to:DE:12,country:KG>to:FR:4".equals(
        browser.executeScript(links)));
    assertThat(browser.findElements(By.cssSelector("#flows-chart canvas"))).isNotEmpty();
    assertThat(chromium.text("#flows-list li")).startsWith("Kyrgyzstan → DE: 12 – 12");
    screenshot("#flows-title", "flows.png");
    assertThat(browser.findElement(By.id("flows-csv")).getDomProperty("href"))
        .contains("/api/flows?country=KG&kind=officials_fled").contains("format=csv");
    // the returns: from the country they came back from, home
    browser.executeScript("const k = document.getElementById('kind'); k.value = 'officials_returned';"
        + " k.dispatchEvent(new Event('change'));");
    await().atMost(Duration.ofSeconds(30)).until(() -> "from:DE>country:KG:2".equals(browser.executeScript(links)));
    assertThat(chromium.text("#flows-list li")).startsWith("DE → Kyrgyzstan: 2 – 2");
  }
}
