package org.hrsnn.simulator.connectivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrsnn.simulator.InvalidInputException;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm.SingleSourcePaths;
import org.jgrapht.alg.scoring.ClusteringCoefficient;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;

class SmallWorldTest {
    private static final int N = 500;
    private static final int K = 10;

    @Test
    void noRewiringGivesTheRingLatticeExactly() {
        EdgeList e = EdgeList.of(new SmallWorld(K, 0.0), N, N, true, 1);
        assertEquals(N * K, e.size());
        boolean[] expected = new boolean[N * N];
        for (int i = 0; i < N; i++) {
            for (int d = 1; d <= K / 2; d++) {
                expected[i * N + (i + d) % N] = true;
                expected[i * N + (i - d + N) % N] = true;
            }
        }
        for (int x = 0; x < e.size(); x++) {
            assertTrue(expected[e.pre.get(x) * N + e.post.get(x)], "edge not in the lattice");
        }
        assertEquals(0, e.duplicates());
    }

    @Test
    void rewiringKeepsOutDegreeWithoutSelfLoopsOrDuplicates() {
        for (double beta : new double[] {0.1, 0.5, 1.0}) {
            EdgeList e = EdgeList.of(new SmallWorld(K, beta), N, N, true, 2);
            for (int d : e.outDegrees()) {
                assertEquals(K, d);
            }
            assertEquals(0, e.selfLoops());
            assertEquals(0, e.duplicates());
        }
    }

    @Test
    void fractionOfRewiredEdgesIsTheRewiringProbability() {
        double beta = 0.3;
        EdgeList e = EdgeList.of(new SmallWorld(K, beta), N, N, true, 3);
        int outside = 0;
        for (int x = 0; x < e.size(); x++) {
            int dist = Math.floorMod(e.post.get(x) - e.pre.get(x), N);
            dist = Math.min(dist, N - dist);
            if (dist > K / 2) {
                outside++;
            }
        }
        // A rewired edge lands back inside the lattice neighbourhood with probability < K/N = 2 %.
        double expected = beta * N * K * (1 - (double) K / N);
        double sd = Math.sqrt(N * K * beta * (1 - beta));
        assertEquals(expected, outside, 5 * sd + 0.02 * beta * N * K);
    }

    @Test
    void latticeClusteringMatchesTheAnalyticValueAndSmallWorldSignatureAppears() {
        double c0 = clustering(0.0);
        // Ring lattice with k neighbours: C = 3(k - 2) / (4(k - 1)) (Barrat and Weigt 2000).
        assertEquals(3.0 * (K - 2) / (4.0 * (K - 1)), c0, 1e-12);
        double c001 = clustering(0.01);
        double c01 = clustering(0.1);
        double c1 = clustering(1.0);
        assertTrue(c0 > c001 && c001 > c01 && c01 > c1, c0 + " " + c001 + " " + c01 + " " + c1);

        double l0 = meanPathLength(0.0);
        double l001 = meanPathLength(0.01);
        double l01 = meanPathLength(0.1);
        assertTrue(l0 > l001 && l001 > l01, l0 + " " + l001 + " " + l01);
        // Watts-Strogatz signature: a few shortcuts shrink path length a lot, clustering little.
        assertTrue(l001 / l0 < 0.75, "L(0.01)/L(0) = " + l001 / l0);
        assertTrue(c001 / c0 > 0.9, "C(0.01)/C(0) = " + c001 / c0);
    }

    @Test
    void requiresOnePopulationAndEvenK() {
        InvalidInputException x = assertThrows(InvalidInputException.class,
                () -> EdgeList.of(new SmallWorld(4, 0.1), 10, 20, false, 4));
        assertEquals("connectivity.smallWorld.post", x.field());
        assertEquals("connectivity.smallWorld.k",
                assertThrows(InvalidInputException.class, () -> new SmallWorld(3, 0.1)).field());
        assertEquals("connectivity.smallWorld.rewiring",
                assertThrows(InvalidInputException.class, () -> new SmallWorld(4, 1.5)).field());
        assertEquals("connectivity.smallWorld.k",
                assertThrows(InvalidInputException.class, () -> EdgeList.of(new SmallWorld(10, 0.1), 10, 10, true, 4)).field());
    }

    /** Average local clustering of the undirected graph underlying the directed small world. */
    private static double clustering(double beta) {
        EdgeList e = EdgeList.of(new SmallWorld(K, beta), N, N, true, 10);
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (int i = 0; i < N; i++) {
            g.addVertex(i);
        }
        for (int x = 0; x < e.size(); x++) {
            g.addEdge(e.pre.get(x), e.post.get(x)); // the reverse duplicate is ignored
        }
        return new ClusteringCoefficient<>(g).getAverageClusteringCoefficient();
    }

    /** Mean directed shortest-path length over ordered reachable pairs (BFS from every neuron). */
    private static double meanPathLength(double beta) {
        EdgeList e = EdgeList.of(new SmallWorld(K, beta), N, N, true, 10);
        Graph<Integer, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
        for (int i = 0; i < N; i++) {
            g.addVertex(i);
        }
        for (int x = 0; x < e.size(); x++) {
            g.addEdge(e.pre.get(x), e.post.get(x));
        }
        BFSShortestPath<Integer, DefaultEdge> bfs = new BFSShortestPath<>(g);
        double sum = 0;
        long pairs = 0;
        for (int s = 0; s < N; s++) {
            SingleSourcePaths<Integer, DefaultEdge> paths = bfs.getPaths(s);
            for (int t = 0; t < N; t++) {
                double w = paths.getWeight(t);
                if (t != s && Double.isFinite(w)) {
                    sum += w;
                    pairs++;
                }
            }
        }
        return sum / pairs;
    }
}
