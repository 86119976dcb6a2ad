package org.hrsnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void cubaWithTinyNetworkPrintsOneJsonLinePerRun() throws Exception {
        CliTestSupport.Result r = CliTestSupport.run("bench", "cuba", "--n", "200", "--duration", "50ms",
                "--engines", "event,clock", "--threads", "1", "--json");
        assertEquals(0, r.exitCode(), r.err());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertEquals(4, lines.size(), "CUBA and CUBAhet, two engines, one thread count: " + r.out());
        for (JsonNode l : lines) {
            assertEquals("run", l.get("kind").asText());
            assertEquals(200, l.get("neurons").asInt());
            assertEquals(1, l.get("threads").asInt());
            assertEquals(0.05, l.get("bioSeconds").asDouble(), 1e-12);
            double wall = l.get("wallSeconds").asDouble();
            assertEquals(wall / 0.05, l.get("wallPerBioSecond").asDouble(), 1e-9 * wall / 0.05);
            assertTrue(l.get("meanRateHz").asDouble() > 0, "CUBA neurons fire tonically (E_L above threshold)");
            assertTrue(l.get("synapses").asLong() > 0);
        }
        assertEquals(List.of("CUBA", "CUBA", "CUBAhet", "CUBAhet"), lines.stream().map(l -> l.get("model").asText()).toList());
        assertEquals(List.of("event", "clock", "event", "clock"), lines.stream().map(l -> l.get("engine").asText()).toList());
    }

    @Test
    void badBenchFlagsAreUserErrors() {
        CliTestSupport.Result e = CliTestSupport.run("bench", "cuba", "--engines", "event,warp", "--duration", "10ms");
        assertEquals(2, e.exitCode());
        assertTrue(e.err().contains("--engines") && e.err().contains("warp"), e.err());
        CliTestSupport.Result t = CliTestSupport.run("bench", "cuba", "--threads", "1,-2");
        assertEquals(2, t.exitCode());
        assertTrue(t.err().contains("--threads"), t.err());
        CliTestSupport.Result b = CliTestSupport.run("bench", "cuba", "--brian2", "/nonexistent/brian2_reference.py");
        assertEquals(2, b.exitCode());
        assertTrue(b.err().contains("--brian2"), b.err());
    }
}
