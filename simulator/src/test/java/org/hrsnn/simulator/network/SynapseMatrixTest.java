package org.hrsnn.simulator.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

class SynapseMatrixTest {

    /** A random matrix and its edges as a plain list, the independent reference. */
    private record Edge(int pre, int post, double w, double d) {
    }

    private static final int SOURCES = 30;
    private static final int TARGETS = 25;
    private final List<Edge> edges = new ArrayList<>();
    private final SynapseMatrix m;

    SynapseMatrixTest() {
        RandomGenerator rng = new RandomStreams(4).stream("matrix");
        int n = 300;
        int[] pre = new int[n];
        int[] post = new int[n];
        double[] w = new double[n];
        double[] d = new double[n];
        for (int e = 0; e < n; e++) {
            pre[e] = rng.nextInt(SOURCES);
            post[e] = rng.nextInt(TARGETS);
            w[e] = rng.nextGaussian();
            d[e] = rng.nextInt(5) * 0.5;
            edges.add(new Edge(pre[e], post[e], w[e], d[e]));
        }
        m = SynapseMatrix.fromEdges(SOURCES, TARGETS, pre, post, w, d, n);
    }

    /** Edges of a matrix in CSR order. */
    private static List<Edge> edgesOf(SynapseMatrix s) {
        List<Edge> out = new ArrayList<>();
        for (int j = 0; j < s.sources; j++) {
            for (int k = s.rowStart[j]; k < s.rowStart[j + 1]; k++) {
                out.add(new Edge(j, s.target[k], s.weight[k], s.delay[k]));
            }
        }
        return out;
    }

    /** The reference list in CSR order: by source, then target, ties in insertion order (stable). */
    private static List<Edge> csrOrder(List<Edge> in) {
        List<Edge> out = new ArrayList<>(in);
        out.sort((a, b) -> a.pre() != b.pre() ? Integer.compare(a.pre(), b.pre()) : Integer.compare(a.post(), b.post()));
        return out;
    }

    @Test
    void fromEdgesIsAStableSortBySourceThenTarget() {
        assertEquals(csrOrder(edges), edgesOf(m));
    }

    @Test
    void filterKeepsExactlyTheMarkedSynapsesAndReplacesWeights() {
        boolean[] keep = new boolean[m.size()];
        double[] newWeight = new double[m.size()];
        List<Edge> expected = new ArrayList<>();
        List<Edge> all = edgesOf(m);
        for (int k = 0; k < keep.length; k++) {
            keep[k] = k % 3 != 0;
            newWeight[k] = 10 + k;
            if (keep[k]) {
                Edge e = all.get(k);
                expected.add(new Edge(e.pre(), e.post(), 10 + k, e.d()));
            }
        }
        SynapseMatrix f = m.filter(keep, newWeight);
        assertEquals(expected, edgesOf(f));
        assertEquals(m.sources, f.sources);
        assertEquals(m.targets, f.targets);
        SynapseMatrix sameWeights = m.filter(keep, null);
        for (int k = 0, p = 0; k < keep.length; k++) {
            if (keep[k]) {
                assertEquals(all.get(k).w(), sameWeights.weight[p++]);
            }
        }
    }

    @Test
    void selectRenumbersTheKeptNeurons() {
        int[] keepSources = {1, 4, 5, 20, 29};
        int[] keepTargets = {0, 3, 4, 10, 24};
        SynapseMatrix s = m.select(keepSources, keepTargets);
        assertEquals(5, s.sources);
        assertEquals(5, s.targets);
        List<Edge> expected = new ArrayList<>();
        for (Edge e : edges) {
            int i = java.util.Arrays.binarySearch(keepSources, e.pre());
            int j = java.util.Arrays.binarySearch(keepTargets, e.post());
            if (i >= 0 && j >= 0) {
                expected.add(new Edge(i, j, e.w(), e.d()));
            }
        }
        assertEquals(csrOrder(expected), edgesOf(s));
        // null keeps a whole side.
        SynapseMatrix rows = m.select(keepSources, null);
        assertEquals(TARGETS, rows.targets);
        int count = 0;
        for (int j : keepSources) {
            count += m.outDegree(j);
        }
        assertEquals(count, rows.size());
        assertEquals(edgesOf(m), edgesOf(m.select(null, null)));
    }

    @Test
    void sourceOfInvertsRowStartEvenWithEmptyRows() {
        int[] src = m.sourceIndices();
        for (int k = 0; k < m.size(); k++) {
            assertEquals(src[k], m.sourceOf(k));
        }
        int[] in = m.inDegrees();
        int[] expected = new int[TARGETS];
        for (Edge e : edges) {
            expected[e.post()]++;
        }
        assertArrayEquals(expected, in);
    }

    @Test
    void badEdgesNameTheSynapse() {
        assertEquals("synapse[1].target", assertThrows(InvalidInputException.class, () -> SynapseMatrix.fromEdges(2, 2,
                new int[] {0, 1}, new int[] {0, 2}, new double[] {1, 1}, new double[] {0, 0}, 2)).field());
        assertEquals("synapse[0].delay", assertThrows(InvalidInputException.class, () -> SynapseMatrix.fromEdges(2, 2,
                new int[] {0}, new int[] {0}, new double[] {1}, new double[] {Double.NaN}, 1)).field());
    }
}
