package org.hrsnn.hardware.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hrsnn.hardware.Issue;
import org.hrsnn.hardware.fixedpoint.FixedPointNetwork;
import org.hrsnn.hardware.fixedpoint.FixedPointProjection;
import org.hrsnn.hardware.fixedpoint.SignMode;
import org.hrsnn.hardware.preset.CoreLimits;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.hardware.preset.HardwarePresets;
import org.hrsnn.simulator.InvalidInputException;
import org.junit.jupiter.api.Test;

class CoreMapperTest {

    static HardwarePreset preset(int cores, int neuronsPerCore, long memoryBits, int inputAxons, int outputAxons, int prototypes) {
        HardwarePreset l = HardwarePresets.loihi1();
        return new HardwarePreset("small", "test", l.neuron(), l.synapse(),
                new CoreLimits(cores, 4, 4, neuronsPerCore, memoryBits, inputAxons, outputAxons, prototypes, 0), false, l.costs());
    }

    /** A recurrent network from an edge list (source, target), weight 1, with the given prototypes. */
    static FixedPointNetwork network(int n, List<int[]> edges, int[] prototype) {
        int[] rowStart = new int[n + 1];
        edges.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        int[] target = new int[edges.size()];
        for (int k = 0; k < edges.size(); k++) {
            rowStart[edges.get(k)[0] + 1]++;
            target[k] = edges.get(k)[1];
        }
        for (int j = 0; j < n; j++) {
            rowStart[j + 1] += rowStart[j];
        }
        int[] w = new int[edges.size()];
        Arrays.fill(w, 1);
        HardwarePreset l = HardwarePresets.loihi1();
        int[] unmapped = new int[n];
        Arrays.fill(unmapped, -1);
        return new FixedPointNetwork("small", l.neuron(), l.synapse(), 1.0, new int[n], new int[n], new int[n], new int[n],
                new int[n], new int[n], new int[n], prototype, unmapped, List.of(),
                List.of(new FixedPointProjection("rec", -1, n, rowStart, target, w, 0, SignMode.EXCITATORY, 8)));
    }

    /** Two dense clusters with interleaved indices (even, odd) and a few links between them. */
    static List<int[]> interleavedClusters(int n, long seed) {
        Random rng = new Random(seed);
        List<int[]> e = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                if (i != j && (i % 2 == j % 2 ? rng.nextDouble() < 0.3 : rng.nextDouble() < 0.01)) {
                    e.add(new int[] {j, i});
                }
            }
        }
        return e;
    }

    /** Sources with at least one target in the other cluster: the traffic of a perfect split. */
    static int crossSources(int n, List<int[]> edges) {
        Set<Integer> s = new HashSet<>();
        for (int[] e : edges) {
            if (e[0] % 2 != e[1] % 2) {
                s.add(e[0]);
            }
        }
        return s.size();
    }

    @Test
    void graphGrowingSeparatesClustersAndEveryLimitHolds() {
        int n = 40;
        List<int[]> edges = interleavedClusters(n, 1);
        FixedPointNetwork net = network(n, edges, new int[n]);
        HardwarePreset p = preset(4, 24, 100_000, 64, 64, 4);
        CoreMapper.Mapping m = new CoreMapper().map(net, p, null);
        MappingReport r = m.report();
        assertTrue(r.fits(), r.issues().toString());
        assertTrue(r.traffic() <= r.greedyTraffic());
        assertEquals(crossSources(n, edges), r.traffic(), 1e-9);
        FixedPointNetwork mapped = m.network();
        assertTrue(mapped.mapped());
        // recompute usage independently from the assignment
        int cores = mapped.coresUsed();
        assertEquals(r.coresUsed(), cores);
        double traffic = 0;
        FixedPointProjection pr = mapped.projections.get(0);
        List<Set<Integer>> inputs = new ArrayList<>();
        int[] outputs = new int[cores];
        for (int c = 0; c < cores; c++) {
            inputs.add(new HashSet<>());
        }
        for (int j = 0; j < n; j++) {
            Set<Integer> dest = new HashSet<>();
            for (int k = pr.rowStart()[j]; k < pr.rowStart()[j + 1]; k++) {
                int c = mapped.core[pr.target()[k]];
                dest.add(c);
                inputs.get(c).add(j);
            }
            outputs[mapped.core[j]] += dest.size();
            dest.remove(mapped.core[j]);
            traffic += dest.size();
        }
        assertEquals(traffic, r.traffic(), 1e-9);
        for (CoreUsage u : r.cores()) {
            assertTrue(u.neurons() <= 24);
            assertEquals(inputs.get(u.core()).size(), u.inputAxons());
            assertEquals(outputs[u.core()], u.outputAxons());
            assertTrue(u.synapseBits() == u.synapses() * (8 + 8));
            assertTrue(u.inputAxons() <= 64);
        }
    }

    @Test
    void refinementMovesNeuronsWhenPrototypeOrderSplitsClusters() {
        int n = 40;
        List<int[]> edges = interleavedClusters(n, 2);
        int[] proto = new int[n];
        for (int i = 0; i < n; i++) {
            proto[i] = (i / 2) % 2; // the greedy fill goes prototype by prototype, across the clusters
        }
        MappingReport r = new CoreMapper().map(network(n, edges, proto), preset(4, 30, 100_000, 64, 64, 4), null).report();
        assertTrue(r.fits(), r.issues().toString());
        assertTrue(r.movesApplied() > 0);
        assertTrue(r.traffic() < r.greedyTraffic(), r.traffic() + " vs greedy " + r.greedyTraffic());
    }

    @Test
    void prototypesStayTogetherWithinThePerCoreLimit() {
        int n = 30;
        int[] proto = new int[n];
        for (int i = 0; i < n; i++) {
            proto[i] = i % 3; // interleaved on purpose
        }
        FixedPointNetwork net = network(n, new ArrayList<>(), proto);
        CoreMapper.Mapping m = new CoreMapper().map(net, preset(3, 10, 1000, 100, 100, 1), null);
        assertTrue(m.report().fits(), m.report().issues().toString());
        for (CoreUsage u : m.report().cores()) {
            assertEquals(1, u.prototypes());
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                assertEquals(proto[i] == proto[k], m.network().core[i] == m.network().core[k]);
            }
        }
    }

    @Test
    void outputAxonsOverTheLimitAreReportedPerCore() {
        // all-to-all among 20 neurons on cores of 10: each neuron reaches both cores, 20 routes per core
        List<int[]> e = new ArrayList<>();
        for (int j = 0; j < 20; j++) {
            for (int i = 0; i < 20; i++) {
                e.add(new int[] {j, i});
            }
        }
        MappingReport ok = new CoreMapper().map(network(20, e, new int[20]), preset(4, 10, 100_000, 64, 20, 4), null).report();
        assertTrue(ok.fits(), ok.issues().toString());
        assertEquals(2, ok.coresUsed());
        MappingReport r = new CoreMapper().map(network(20, e, new int[20]), preset(4, 10, 100_000, 64, 19, 4), null).report();
        assertFalse(r.fits());
        assertTrue(r.errors().stream().allMatch(x -> x.what().equals("output axons over the limit")), r.errors().toString());
        assertTrue(r.errors().get(0).where().startsWith("core "));
    }

    @Test
    void tooManyNeuronsIsReportedWithCounts() {
        FixedPointNetwork net = network(25, new ArrayList<>(), new int[25]);
        CoreMapper.Mapping m = new CoreMapper().map(net, preset(2, 10, 1000, 100, 100, 4), null);
        assertFalse(m.report().fits());
        Issue e = m.report().errors().get(0);
        assertEquals("too many cores", e.what());
        assertTrue(e.why().contains("3 cores needed") && e.why().contains("has 2"), e.why());
        assertThrows(InvalidInputException.class, m::network);
    }

    @Test
    void fanInOverTheLimitNamesTheNeuron() {
        List<int[]> e = new ArrayList<>();
        for (int j = 1; j <= 6; j++) {
            e.add(new int[] {j, 0});
        }
        FixedPointNetwork net = network(8, e, new int[8]);
        MappingReport r = new CoreMapper().map(net, preset(4, 10, 1000, 5, 100, 4), null).report();
        assertFalse(r.fits());
        assertEquals("fan-in over the limit", r.errors().get(0).what());
        assertEquals("neuron 0", r.errors().get(0).where());
    }
}
