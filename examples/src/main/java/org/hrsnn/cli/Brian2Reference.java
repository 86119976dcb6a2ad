package org.hrsnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs shared/bench/brian2_reference.py ({@code /usr/bin/python3 PATH MODEL BIO_SECONDS N SEED})
 * as a subprocess and reads the JSON line it prints (wall time of Brian2's simulation loop,
 * C++ standalone, compilation excluded).
 */
final class Brian2Reference {
    static final String PYTHON = "/usr/bin/python3";
    static final String INSTALL_HINT = "install it with: apt-get install -y python3-brian g++";

    /** The parsed JSON line, or null and a reason why there is none. */
    record Outcome(JsonNode result, String problem) {
    }

    private Brian2Reference() {
    }

    static Outcome run(Path script, String model, double bioSeconds, int n, long seed) {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return new Outcome(null, PYTHON + " not found; " + INSTALL_HINT);
        }
        Path errFile = null;
        try {
            errFile = Files.createTempFile("hrsnn-brian2-", ".err");
            Process p = new ProcessBuilder(List.of(PYTHON, script.toString(), model, Double.toString(bioSeconds),
                    Integer.toString(n), Long.toString(seed)))
                    .redirectError(errFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            String stderr = Files.readString(errFile, StandardCharsets.UTF_8);
            if (code != 0) {
                if (stderr.contains("No module named") && stderr.contains("brian2")) {
                    return new Outcome(null, "the Python package brian2 is missing; " + INSTALL_HINT);
                }
                return new Outcome(null, "the Brian2 script failed (exit " + code + "): " + lastLine(stderr)
                        + " (Brian2 needs g++: " + INSTALL_HINT + ")");
            }
            String[] lines = stdout.strip().split("\n");
            String last = lines[lines.length - 1].strip();
            if (!last.startsWith("{")) {
                return new Outcome(null, "the Brian2 script printed no JSON line");
            }
            return new Outcome(new ObjectMapper().readTree(last), null);
        } catch (IOException e) {
            return new Outcome(null, "cannot run " + PYTHON + ": " + e.getMessage() + "; " + INSTALL_HINT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        } finally {
            if (errFile != null) {
                try {
                    Files.deleteIfExists(errFile);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }
}
