package org.hrsnn.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.hrsnn.simulator.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code hrsnn} command line. Exit codes: 0 success, 2 a user error (bad flag, bad or
 * missing configuration: the message names the field, no stack trace), 1 an unexpected error
 * (one line; the stack trace with --debug).
 */
@Command(name = "hrsnn", mixinStandardHelpOptions = true, versionProvider = HrsnnMain.Version.class,
        subcommands = {SimulateCommand.class, DemoCommand.class, BenchCommand.class, PruneCommand.class,
            HardwareCommand.class, CrosscheckCommand.class, NirCommand.class, LearnCommand.class},
        description = {"Heterogeneous-timescale recurrent spiking networks: simulate,",
            "benchmark, prune, train, map onto neuromorphic hardware, exchange via NIR.", ""},
        footer = {"", "Exit codes: 0 success, 2 invalid input, 1 unexpected error,",
            "3 a run that could not finish (learn: training diverged;",
            "crosscheck: Brian2 not installed)."})
public final class HrsnnMain implements Callable<Integer> {
    public static final int EXIT_INVALID_INPUT = 2;
    public static final int EXIT_UNEXPECTED = 1;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            var o = Json.object();
            o.put("version", new Version().getVersion()[0]);
            var commands = o.putArray("commands");
            spec.commandLine().getSubcommands().keySet().forEach(commands::add);
            out.println(Json.line(o));
        } else {
            spec.commandLine().usage(out);
        }
        out.flush();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(commandLine(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args));
    }

    /**
     * The configured command line writing to {@code out} and {@code err}: call
     * {@code execute(args)} on it (tests run it in-process this way).
     */
    public static CommandLine commandLine(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cmd = new CommandLine(new HrsnnMain());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((ex, a) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("hrsnn: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, e);
            e.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            e.flush();
            return EXIT_INVALID_INPUT;
        });
        cmd.setExecutionExceptionHandler((ex, c, parseResult) -> {
            PrintWriter e = c.getErr();
            InvalidInputException invalid = invalidInput(ex);
            if (invalid != null) {
                e.println("hrsnn: " + invalid.getMessage());
                if (debug) {
                    ex.printStackTrace(e);
                }
                e.flush();
                return EXIT_INVALID_INPUT;
            }
            String msg = ex.getMessage() == null ? "" : ": " + ex.getMessage().lines().findFirst().orElse("");
            e.println("hrsnn: unexpected error " + ex.getClass().getSimpleName() + msg
                    + (debug ? "" : " (run with --debug for the stack trace)"));
            if (debug) {
                ex.printStackTrace(e);
            }
            e.flush();
            return EXIT_UNEXPECTED;
        });
        return cmd;
    }

    private static InvalidInputException invalidInput(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InvalidInputException iie) {
                return iie;
            }
        }
        return null;
    }

    /** The version from the build (version.properties, filled in by Maven). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws Exception {
            Properties p = new Properties();
            try (InputStream in = HrsnnMain.class.getResourceAsStream("/org/hrsnn/cli/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"hrsnn " + p.getProperty("version", "(unknown version)"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
