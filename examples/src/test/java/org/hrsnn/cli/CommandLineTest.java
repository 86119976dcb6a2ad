package org.hrsnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;

class CommandLineTest {

    @Test
    void everyCommandHasHelp() {
        for (String[] args : new String[][] {{"--help"}, {"simulate", "--help"}, {"demo", "--help"},
                {"bench", "--help"}, {"bench", "cuba", "--help"}}) {
            CliTestSupport.Result r = CliTestSupport.run(args);
            assertEquals(0, r.exitCode(), String.join(" ", args));
            assertTrue(r.out().startsWith("Usage: hrsnn"), r.out());
            assertTrue(r.out().contains("--json"), "every command accepts --json: " + String.join(" ", args));
        }
    }

    @Test
    void versionNamesTheProjectVersion() {
        CliTestSupport.Result r = CliTestSupport.run("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().matches("(?s)hrsnn \\d+\\.\\d+\\.\\d+.*"), r.out());
    }

    @Test
    void unexpectedErrorsGiveExitCode1AndOneLineUnlessDebug() {
        for (boolean debug : new boolean[] {false, true}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            String[] args = debug ? new String[] {"boom", "--debug"} : new String[] {"boom"};
            picocli.CommandLine cmd = HrsnnMain.commandLine(args, new PrintWriter(out, true), new PrintWriter(err, true));
            cmd.addSubcommand("boom", new Boom());
            cmd.setErr(new PrintWriter(err, true)); // reaches the subcommand added after construction
            assertEquals(1, cmd.execute(args));
            String e = err.toString();
            assertTrue(e.startsWith("hrsnn: unexpected error IllegalStateException: first line"), e);
            assertEquals(!debug, e.strip().lines().count() == 1, e);
            assertEquals(debug, e.contains("\tat "), e);
        }
    }

    @picocli.CommandLine.Command(name = "boom")
    static final class Boom implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Option(names = "--debug")
        boolean debug;

        @Override
        public Integer call() {
            throw new IllegalStateException("first line\nsecond line");
        }
    }

    @Test
    void topLevelJsonListsTheCommands() {
        CliTestSupport.Result r = CliTestSupport.run("--json");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("\"commands\":[\"help\"") || r.out().contains("\"simulate\""), r.out());
    }

    @Test
    void unknownSubcommandIsAUserError() {
        CliTestSupport.Result r = CliTestSupport.run("simulte");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("simulate"), "suggests the near name: " + r.err());
    }

    @Test
    void durationsNeedAUnitAndArePositive() {
        assertEquals(0.1, Durations.millis("--dt", "0.1ms"));
        assertEquals(1500.0, Durations.millis("--duration", "1.5s"));
        assertEquals(250.0, Durations.millis("--duration", " 250 MS "));
        for (String bad : new String[] {"10", "-1s", "0s", "s", "1h", "NaNs", "Infinitys"}) {
            InvalidInputException e = Assertions.assertThrows(InvalidInputException.class,
                    () -> Durations.millis("--duration", bad));
            assertEquals("--duration", e.field());
        }
    }

    @Test
    void progressBarDrawsOnlyWhenEnabled() {
        StringWriter on = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(on, true), true, "run");
        bar.start(null, SimulationOptions.of(200, 1));
        bar.onProgress(50);
        bar.finish(200);
        assertTrue(on.toString().contains(" 25%"), on.toString());
        assertTrue(on.toString().contains("100%"), on.toString());
        assertTrue(on.toString().endsWith(System.lineSeparator()));

        StringWriter off = new StringWriter();
        ProgressBar quiet = new ProgressBar(new PrintWriter(off, true), false, "run");
        quiet.start(null, SimulationOptions.of(200, 1));
        quiet.onProgress(50);
        quiet.finish(200);
        assertEquals("", off.toString());
    }
}
