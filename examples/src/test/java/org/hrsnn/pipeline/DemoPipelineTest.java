package org.hrsnn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hrsnn.simulator.config.NetworkConfig;
import org.hrsnn.simulator.network.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Properties of the pipeline itself, on the simulation stage alone (fast). */
class DemoPipelineTest {
    private static Network small(long seed) {
        String yaml = """
                seed: %d
                populations:
                  - {name: exc, size: 80, sign: excitatory, membraneTau: {type: gamma, shape: 3, scale: 6.67},
                     threshold: -50, resetPotential: -60, leakPotential: -60, refractoryPeriod: 2,
                     initialPotential: {type: uniform, low: -60, high: -50}}
                  - {name: inh, size: 20, sign: inhibitory, threshold: -50, resetPotential: -60, leakPotential: -60}
                connections:
                  - {pre: exc, post: all, rule: {type: fixedProbability, probability: 0.2}, weight: 1.0, delay: 1}
                  - {pre: inh, post: all, rule: {type: fixedProbability, probability: 0.4}, weight: 3.0, delay: 1}
                inputs:
                  - {name: drive, type: poisson, channels: 100, rateHz: 20, target: all,
                     rule: {type: fixedProbability, probability: 0.2}, weight: 6.0}
                """.formatted(seed);
        return NetworkConfig.parse(yaml, NetworkConfig.Format.YAML).build();
    }

    private static SimulationStage.Summary simulate(Network net, long seed, Path out) throws Exception {
        DemoSummary s = new DemoPipeline(DemoSettings.quickRun(), List.of(new SimulationStage()))
                .run(net, "test", seed, out, StageProgress.silent());
        return (SimulationStage.Summary) s.stages().get("simulation");
    }

    private static SimulationStage.Summary withoutWallTime(SimulationStage.Summary s) {
        return new SimulationStage.Summary(s.durationMs(), s.spikes(), s.meanRateHz(), s.populationRateHz(), 0,
                s.lorenzDurationMs(), s.lorenzRateHz(), s.readoutFeatures(), s.horizonMs(), s.lorenzNrmse(),
                s.persistenceNrmse(), s.arNrmse(), s.readoutRidge());
    }

    @Test
    void sameSeedSameNumbersAnotherSeedOthers(@TempDir Path dir) throws Exception {
        SimulationStage.Summary a = simulate(small(4), 4, dir.resolve("a"));
        SimulationStage.Summary b = simulate(small(4), 4, dir.resolve("b"));
        SimulationStage.Summary c = simulate(small(5), 5, dir.resolve("c"));
        assertEquals(withoutWallTime(a), withoutWallTime(b));
        assertNotEquals(a.lorenzNrmse(), c.lorenzNrmse());
        assertEquals(Files.readAllBytes(dir.resolve("a/simulation.csv")).length > 0, true);
    }

    @Test
    void summaryFileAndJsonLineHoldTheSameTree(@TempDir Path dir) throws Exception {
        DemoSummary s = new DemoPipeline(DemoSettings.quickRun(), List.of(new SimulationStage()))
                .run(small(2), "test", 2, dir, StageProgress.silent());
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        String line = DemoPipeline.jsonLine(s);
        assertFalse(line.contains("\n"), "one line");
        assertEquals(m.readTree(dir.resolve(DemoPipeline.SUMMARY).toFile()), m.readTree(line));
    }

    @Test
    void aFailingStageLeavesNothingBehind(@TempDir Path dir) {
        Stage broken = new Stage() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public double weight() {
                return 1;
            }

            @Override
            public Object run(DemoContext ctx) {
                throw new IllegalStateException("stage failed on purpose");
            }
        };
        Path out = dir.resolve("out");
        assertThrows(IllegalStateException.class, () -> new DemoPipeline(DemoSettings.quickRun(),
                List.of(new SimulationStage(), broken)).run(small(1), "test", 1, out, StageProgress.silent()));
        assertFalse(Files.exists(out), "the output folder this run created is removed again");
    }
}
