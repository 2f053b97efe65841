package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flightwatch.common.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The batch command end to end: a folder of .txt articles in, evaluation-format JSON lines out (loads CoreNLP once).
 */
class ExtractCommandTest {

  @TempDir
  Path dir;

  @Test
  void writesOneEvalLinePerClaimAndASummary() throws Exception {
    Path in = Files.createDirectories(dir.resolve("articles"));
    Files.writeString(in.resolve("a1.txt"), "Former Chinese tax official flees\n\n"
        + "Wang Lei, a former Chinese tax official, fled to New Zealand via Fiji in 2016.\n", StandardCharsets.UTF_8);
    Files.writeString(in.resolve("a2.txt"), "Weather\n\nSunny spells and light winds are forecast for the weekend.\n",
        StandardCharsets.UTF_8);
    Files.writeString(in.resolve("notes.md"), "not an article", StandardCharsets.UTF_8);
    Path out = dir.resolve("out/claims.jsonl");
    StringWriter stdout = new StringWriter();
    CommandLine cmd = new CommandLine(new ExtractCommand());
    cmd.setOut(new PrintWriter(stdout));

    int code = cmd.execute("--input", in.toString(), "--output", out.toString());

    assertThat(code).isZero();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(1);
    JsonNode c = Json.MAPPER.readTree(lines.get(0));
    assertThat(c.get("article").asText()).isEqualTo("a1");
    assertThat(c.get("kind").asText()).isEqualTo("officials_fled");
    assertThat(c.get("origin").asText()).isEqualTo("CN");
    assertThat(c.get("destination").asText()).isEqualTo("NZ");
    assertThat(c.get("count").asLong()).isEqualTo(1L);
    assertThat(c.get("named_person").asText()).isEqualTo("Wang Lei");
    assertThat(c.get("quote").asText()).contains("fled to New Zealand");
    assertThat(c.has("destinations_mentioned")).isTrue();
    assertThat(stdout.toString()).contains("2 articles, 1 claims");
  }

  @Test
  void aHardWrappedFirstLineIsTheStartOfTheBodyNotAHeadline() throws Exception {
    Path f = dir.resolve("w1.txt");
    Files.writeString(f, " date 2013-11-12 CAIRO Nov 12 Two Libyan army colonels\nhave sought asylum in Tunisia, a"
        + " ministry said.\n", StandardCharsets.UTF_8);
    assertThat(ExtractCommand.read(f).body())
        .isEqualTo("CAIRO Nov 12 Two Libyan army colonels have sought asylum in Tunisia, a ministry said.\n");
    Path g = dir.resolve("w2.txt");
    Files.writeString(g, "Two colonels seek asylum\n\nTwo Libyan army colonels have sought asylum.\n",
        StandardCharsets.UTF_8);
    assertThat(ExtractCommand.read(g).body()).isEqualTo("Two Libyan army colonels have sought asylum.\n");
  }

  @Test
  void aStoredCopysDateLineGivesTheDateAndLeavesTheLedeAlone() throws Exception {
    Path f = dir.resolve("d1.txt");
    Files.writeString(f, " date 2019-03-04 QUITO (AP) - A former provincial prefect sought for fraud landed in the"
        + " capital on Tuesday after his extradition from Colombia, the ministry said.\n\nHe denies the charges.\n",
        StandardCharsets.UTF_8);
    var article = ExtractCommand.read(f);
    assertThat(article.title()).startsWith("QUITO (AP) - A former provincial prefect");
    assertThat(article.publishedAt()).hasToString("2019-03-04T00:00:00Z");
  }

  @Test
  void rejectsAMissingFolderAndAnUnknownProfile() {
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new ExtractCommand());
    cmd.setErr(new PrintWriter(err));
    assertThat(cmd.execute("--input", dir.resolve("nope").toString(), "--output", dir.resolve("o.jsonl").toString()))
        .isEqualTo(2);
    assertThat(cmd.execute("--input", dir.toString(), "--output", dir.resolve("o.jsonl").toString(),
        "--ner-profile", "huge")).isEqualTo(2);
    assertThat(err.toString()).contains("not a folder").contains("lean or default");
  }
}
