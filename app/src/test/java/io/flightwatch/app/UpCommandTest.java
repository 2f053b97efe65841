package io.flightwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UpCommandTest {

  @TempDir
  Path data;

  @Test
  void aMissingInputStopsBeforeABrokerStarts() {
    PrintStream before = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = new CommandLine(new UpCommand()).execute("--input", "/no/such/folder", "--data-dir", data.toString());
    } finally {
      System.setErr(before);
    }
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such input: /no/such/folder");
    assertThat(data.resolve("kafka")).doesNotExist();
  }

  @Test
  void aBusyPortIsOneLineBeforeABrokerStarts() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getByName("127.0.0.1"))) {
      PrintStream before = System.err;
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code;
      try {
        code = new CommandLine(new UpCommand()).execute("--http-port", String.valueOf(taken.getLocalPort()),
            "--input", ".", "--data-dir", data.toString());
      } finally {
        System.setErr(before);
      }
      assertThat(code).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("port " + taken.getLocalPort() + " on 127.0.0.1");
      assertThat(data.resolve("kafka")).doesNotExist();
    }
  }

  @Test
  void tooLittleFreeSpaceIsOneLineBeforeABrokerStarts() throws Exception {
    java.nio.file.Path config = data.resolve("tight.properties");
    java.nio.file.Files.writeString(config, "disk.min.free.mb=1048576\n"); // a terabyte: more than this disk has free
    PrintStream before = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = new CommandLine(new UpCommand()).execute("--input", ".", "--data-dir", data.resolve("d").toString(),
          "--config", config.toString());
    } finally {
      System.setErr(before);
    }
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("up: only ").contains("disk.min.free.mb=1048576");
    assertThat(data.resolve("d").resolve("kafka")).doesNotExist();
  }
}
