package io.flightwatch.app;

import io.flightwatch.aggregator.AggregateCommand;
import io.flightwatch.bench.BenchCommand;
import io.flightwatch.ingest.ProduceCommand;
import io.flightwatch.nlp.extract.ExtractCommand;
import io.flightwatch.nlp.stream.ProcessCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code flightwatch} command line: one entry point for every service and tool. */
@Command(name = "flightwatch", mixinStandardHelpOptions = true, version = "flightwatch 0.1.0",
    description = "Watches the news for officials fleeing abroad and money moved abroad.",
    subcommands = {
        UpCommand.class,
        BrokerCommand.class,
        ProduceCommand.class,
        ProcessCommand.class,
        AggregateCommand.class,
        ExtractCommand.class,
        BenchCommand.class,
        ConfigCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }
}
