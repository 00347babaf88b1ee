package callstats.lake.jobs.cli;

import callstats.lake.config.ConfigError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The callstats-lake command line. Exit codes: 0 success, 1 job failure, 2 bad usage or configuration.
 * Runs under {@code bin/callstats-lake} (local, full classpath) or {@code spark-submit} (cluster).
 */
@Command(name = "callstats-lake", mixinStandardHelpOptions = true, version = "callstats-lake 0.1.0",
    description = "WebRTC call-quality analytics on Spark and Delta Lake.",
    subcommands = {
        DemoCommand.class,
        NormaliseCommand.class,
        SummariseCommand.class,
        AggregateCommand.class,
        ReportCommand.class,
        RtcstatsFeaturesCommand.class,
        SqlCommand.class,
        ViewsCommand.class,
        MaintainCommand.class,
        EraseCommand.class,
        SimulateCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_USAGE = 2;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "a command is required; see --help");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (tests call this). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new Failures());
    return cli.execute(args);
  }

  /** The line printed when a command fails with an error other than a configuration problem. */
  public static String failureMessage(String command, Throwable e) {
    return "callstats-lake " + command + " failed: " + (e instanceof S3Failure ? e.getMessage() : e);
  }

  /** Configuration problems exit 2 with their message; anything else is a job failure, exit 1. */
  static final class Failures implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
      Throwable t = e;
      while (t != null) {
        if (t instanceof ConfigError ce) {
          cmd.getErr().println("callstats-lake: " + ce.getMessage());
          cmd.getErr().flush();
          return EXIT_USAGE;
        }
        t = t.getCause();
      }
      LOG.error("{} failed", cmd.getCommandName(), e);
      cmd.getErr().println(failureMessage(cmd.getCommandName(), e));
      cmd.getErr().flush();
      return EXIT_FAILURE;
    }
  }
}
