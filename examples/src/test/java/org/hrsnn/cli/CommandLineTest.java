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
