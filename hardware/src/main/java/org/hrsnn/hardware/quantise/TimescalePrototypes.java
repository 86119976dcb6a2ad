package org.hrsnn.hardware.quantise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.hardware.preset.NeuronFormat;

/**
 * Groups heterogeneous per-neuron time constants into at most P decay prototypes (du, dv): chips
 * store a few compartment configurations per core, not one per neuron. When the neurons' own
 * rounded (du, dv) pairs number P or fewer, each pair is its own prototype (no error beyond
 * rounding). Otherwise the points (ln tau_s, ln tau_m) are clustered by k-means++ (5 restarts,
 * the lowest within-cluster sum of squares kept): equal relative errors of tau cost the same
 * wherever tau lies. Prototype k takes the decay constants of exp(centroid k).
 */
public final class TimescalePrototypes {
    /** Prototype index per neuron, and du, dv per prototype. */
    public record Assignment(int[] prototypeOf, int[] du, int[] dv) {
        public int count() {
            return du.length;
        }
    }

    private TimescalePrototypes() {
    }

    public static Assignment assign(double[] synapticTauMs, double[] membraneTauMs, double dtMs, NeuronFormat format,
                                    int maxPrototypes, RandomGenerator rng) {
        int n = synapticTauMs.length;
        int offset = format.currentDecayOffset();
        int[] du = new int[n];
        int[] dv = new int[n];
        Map<Long, Integer> distinct = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            du[i] = Decays.decayConstant(synapticTauMs[i], dtMs, format, offset);
            dv[i] = Decays.decayConstant(membraneTauMs[i], dtMs, format, 0);
            distinct.putIfAbsent(key(du[i], dv[i]), distinct.size());
        }
        if (distinct.size() <= maxPrototypes) {
            return fromPairs(du, dv);
        }
        List<Point> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            points.add(new Point(i, new double[] {Math.log(synapticTauMs[i]), Math.log(membraneTauMs[i])}));
        }
        KMeansPlusPlusClusterer<Point> kmeans = new KMeansPlusPlusClusterer<>(maxPrototypes, 200,
                new org.apache.commons.math3.ml.distance.EuclideanDistance(), rng);
        List<CentroidCluster<Point>> clusters = new MultiKMeansPlusPlusClusterer<>(kmeans, 5).cluster(points);
        int[] pdu = new int[n];
        int[] pdv = new int[n];
        for (CentroidCluster<Point> c : clusters) {
            double[] centre = c.getCenter().getPoint();
            int cu = Decays.decayConstant(Math.exp(centre[0]), dtMs, format, offset);
            int cv = Decays.decayConstant(Math.exp(centre[1]), dtMs, format, 0);
            for (Point p : c.getPoints()) {
                pdu[p.index] = cu;
                pdv[p.index] = cv;
            }
        }
        return fromPairs(pdu, pdv);
    }

    /** Prototypes numbered by first appearance of each distinct (du, dv) pair. */
    private static Assignment fromPairs(int[] du, int[] dv) {
        Map<Long, Integer> ids = new LinkedHashMap<>();
        int[] of = new int[du.length];
        for (int i = 0; i < du.length; i++) {
            Integer id = ids.putIfAbsent(key(du[i], dv[i]), ids.size());
            of[i] = id == null ? ids.size() - 1 : id;
        }
        int[] pu = new int[ids.size()];
        int[] pv = new int[ids.size()];
        for (int i = 0; i < du.length; i++) {
            pu[of[i]] = du[i];
            pv[of[i]] = dv[i];
        }
        return new Assignment(of, pu, pv);
    }

    private static long key(int du, int dv) {
        return ((long) du << 32) | (dv & 0xffffffffL);
    }

    private record Point(int index, double[] coordinates) implements Clusterable {
        @Override
        public double[] getPoint() {
            return coordinates;
        }

        @Override
        public String toString() {
            return index + Arrays.toString(coordinates);
        }
    }
}
