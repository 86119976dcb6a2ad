package org.hrsnn.crosscheck;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hrsnn.simulator.benchmark.Cuba;
import org.hrsnn.simulator.engine.Engine;
import org.hrsnn.simulator.engine.RateDistributions;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.engine.clock.ClockDrivenEngine;
import org.hrsnn.simulator.engine.event.EventDrivenEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Independent check against Brian2 (runs with {@code mvn -B verify -Pslow}; needs
 * {@code apt-get install -y python3-brian g++}): the per-neuron rate distributions of CUBA and
 * CUBAhet in both hrsnn engines match Brian2's.
 *
 * <p>Networks are chaotic and each simulator draws its own realisation, so spikes cannot be
 * compared one by one. Per-neuron rates over 2 s from three seeds are pooled on each side and
 * compared with the two-sample Kolmogorov-Smirnov statistic at alpha = 0.001. Brian2's own
 * seed-to-seed distances are printed alongside, as the scale of realisation noise.
 */
@Tag("slow")
class Brian2CubaRatesTest {
    private static final int N = 4000;
    private static final double BIO_SECONDS = 2.0;
    private static final int[] SEEDS = {1, 2, 3};
    private static final Path SCRIPT = Path.of("python", "brian2_cuba_rates.py");

    @ParameterizedTest
    @ValueSource(strings = {"CUBA", "CUBAhet"})
    void rateDistributionsMatchBrian2(String model) throws Exception {
        assumeTrue(brian2Available(), "Brian2 missing: apt-get install -y python3-brian g++");
        boolean het = model.equals("CUBAhet");
        List<double[]> brian = new ArrayList<>();
        for (int seed : SEEDS) {
            brian.add(brian2Rates(model, seed));
        }
        for (int a = 0; a < brian.size(); a++) {
            for (int b = a + 1; b < brian.size(); b++) {
                System.out.printf("%s brian2 seed %d vs seed %d: KS D = %.4f%n", model, SEEDS[a], SEEDS[b],
                        RateDistributions.ksStatistic(brian.get(a), brian.get(b)));
            }
        }
        double[] brianPooled = concat(brian);
        for (Engine engine : new Engine[] {new EventDrivenEngine(), new ClockDrivenEngine()}) {
            List<double[]> ours = new ArrayList<>();
            for (int seed : SEEDS) {
                ours.add(engine.run(Cuba.network(N, seed, het), SimulationOptions.of(BIO_SECONDS * 1000, seed)).ratesHz());
            }
            double[] pooled = concat(ours);
            double d = RateDistributions.ksStatistic(pooled, brianPooled);
            double critical = RateDistributions.ksCritical(0.001, pooled.length, brianPooled.length);
            System.out.printf("%s hrsnn-%s mean %.3f Hz vs brian2 mean %.3f Hz: pooled KS D = %.4f (critical %.4f)%n",
                    model, engine.name(), mean(pooled), mean(brianPooled), d, critical);
            assertTrue(d < critical, model + " " + engine.name() + ": KS D " + d + " >= " + critical);
            assertTrue(mean(pooled) > 5.0 && mean(pooled) < 6.8, "mean rate " + mean(pooled));
        }
    }

    private static boolean brian2Available() {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import brian2").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.exists(SCRIPT);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static double[] brian2Rates(String model, int seed) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", SCRIPT.toString(), model,
                Double.toString(BIO_SECONDS), Integer.toString(N), Integer.toString(seed))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(600, TimeUnit.SECONDS) && p.exitValue() == 0, "brian2 run failed: " + out);
        JsonNode rates = new ObjectMapper().readTree(out).get("rates_hz");
        double[] r = new double[rates.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = rates.get(i).asDouble();
        }
        return r;
    }

    private static double[] concat(List<double[]> parts) {
        int n = parts.stream().mapToInt(a -> a.length).sum();
        double[] out = new double[n];
        int k = 0;
        for (double[] a : parts) {
            System.arraycopy(a, 0, out, k, a.length);
            k += a.length;
        }
        return out;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
