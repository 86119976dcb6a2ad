package org.hrsnn.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs every example's main() and checks what it prints against the network it describes. */
class ExamplesTest {
    interface Main {
        void run() throws Exception;
    }

    static String capture(Main main) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in: " + text);
        return Long.parseLong(m.group(1));
    }

    @Test
    void buildAndSimulate() throws Exception {
        String out = capture(() -> BuildAndSimulate.main(new String[0]));
        assertEquals(1000, number(out, "^(\\d+) neurons"));
        assertTrue(number(out, ": (\\d+) spikes") > 0, out);
    }

    @Test
    void pruneNetwork() throws Exception {
        String out = capture(() -> PruneNetwork.main(new String[] {"0.5"}));
        long dense = Examples.smallConfig().build().synapses().size();
        assertEquals(dense / 2.0, number(out, "random +250 -> 250 neurons, \\d+ -> (\\d+) synapses"), 1.0,
                "random pruning keeps round(d M) synapses");
        assertTrue(number(out, "lnp +250 -> (\\d+) neurons") < 250, "LNP removes neurons by betweenness");
    }

    @Test
    void trainOnline() throws Exception {
        String out = capture(() -> TrainOnline.main(new String[] {"e-prop", "3"}));
        Matcher m = Pattern.compile("test error ([0-9.]+) -> ([0-9.]+); state (\\d+) numbers, (\\d+) MACs").matcher(out);
        assertTrue(m.find(), out);
        for (int g = 1; g <= 2; g++) {
            double e = Double.parseDouble(m.group(g));
            assertTrue(e >= 0 && e <= 1, "an error is a fraction: " + out);
        }
        assertTrue(Long.parseLong(m.group(3)) > 0 && Long.parseLong(m.group(4)) > 0, out);
    }

    @Test
    void mapToHardware() throws Exception {
        String out = capture(() -> MapToHardware.main(new String[0]));
        assertTrue(number(out, "^(\\d+) cores") >= 1, out);
        assertTrue(out.contains("energy "), out);
    }

    @Test
    void readmeShowsFirstLinesVerbatim() throws Exception {
        java.nio.file.Path root = java.nio.file.Path.of("").toAbsolutePath();
        java.nio.file.Path readme = root.resolve("README.md");
        if (!java.nio.file.Files.exists(readme)) {
            readme = root.getParent().resolve("README.md"); // surefire runs in examples/
        }
        String text = java.nio.file.Files.readString(readme);
        String src = java.nio.file.Files.readString(readme.getParent()
                .resolve("examples/src/main/java/org/hrsnn/examples/FirstLines.java"));
        String body = src.substring(src.indexOf("// README begin\n") + "// README begin\n".length(),
                src.indexOf("        // README end"));
        StringBuilder expected = new StringBuilder();
        for (String line : body.split("\n")) {
            expected.append(line.substring(4)).append('\n');       // README indents code by 4, the method by 8
        }
        assertTrue(text.contains(expected), "README's Java in ten lines equals FirstLines.java:\n" + expected);
        assertEquals(10, body.split("\n").length, "ten lines");
    }

    @Test
    void firstLinesRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.copy(Examples.class.getResourceAsStream("/org/hrsnn/configs/default-hrsnn-quick.yaml"),
                dir.resolve("net.yaml"));
        String out = capture(() -> FirstLines.main(new String[] {dir.resolve("net.yaml").toString(),
            dir.resolve("pruned.nir").toString()}));
        assertTrue(out.matches("(?s)[0-9.]+ Hz, [0-9.E]+ pJ, \\d+\\s*"), out);
        assertTrue(java.nio.file.Files.size(dir.resolve("pruned.nir")) > 0);
    }
}
