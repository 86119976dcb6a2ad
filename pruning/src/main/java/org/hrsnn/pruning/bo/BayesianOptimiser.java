package org.hrsnn.pruning.bo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;

/**
 * Maximises an expensive function on a box by Bayesian optimisation: a few uniformly random
 * starting points, then each next point maximises the expected improvement of a
 * {@link GaussianProcess} fitted to everything seen so far. The acquisition is maximised over
 * {@code candidates} uniform random points plus as many Gaussian perturbations of the best
 * point (sd 5 % of the box): cheap, and enough in the 1-3 dimensions it is used for.
 */
public final class BayesianOptimiser {
    private final double[] lower;
    private final double[] upper;
    private final int initialPoints;
    private final int iterations;
    private final int candidates;
    private final double xi;

    public BayesianOptimiser(double[] lower, double[] upper, int initialPoints, int iterations) {
        this(lower, upper, initialPoints, iterations, 1000, 0.01);
    }

    public BayesianOptimiser(double[] lower, double[] upper, int initialPoints, int iterations, int candidates, double xi) {
        if (lower.length != upper.length || lower.length == 0) {
            throw new IllegalArgumentException("bounds must have the same, positive dimension");
        }
        for (int i = 0; i < lower.length; i++) {
            if (!(upper[i] > lower[i])) {
                throw new InvalidInputException("bo.upper[" + i + "]", upper[i], "a bound > lower (" + lower[i] + ")");
            }
        }
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.initialPoints = Check.positive("bo.initialPoints", initialPoints);
        this.iterations = Check.nonNegative("bo.iterations", iterations);
        this.candidates = Check.positive("bo.candidates", candidates);
        this.xi = Check.nonNegative("bo.xi", xi);
    }

    /** Every evaluated point (original units) and value, in order, and the best of them. */
    public record Result(double[] best, double bestValue, List<double[]> points, double[] values) {
    }

    public Result maximise(ToDoubleFunction<double[]> f, RandomGenerator rng) {
        int d = lower.length;
        List<double[]> unit = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        int total = initialPoints + iterations;
        double[] values = new double[total];
        int bestIndex = -1;
        for (int t = 0; t < total; t++) {
            double[] u;
            if (t < initialPoints) {
                u = new double[d];
                for (int i = 0; i < d; i++) {
                    u[i] = rng.nextDouble();
                }
            } else {
                u = nextPoint(unit, values, t, bestIndex, rng);
            }
            double[] p = toBox(u);
            double v = f.applyAsDouble(p);
            if (!Double.isFinite(v)) {
                throw new InvalidInputException("bo.objective", v, "a finite value at " + java.util.Arrays.toString(p));
            }
            unit.add(u);
            points.add(p);
            values[t] = v;
            if (bestIndex < 0 || v > values[bestIndex]) {
                bestIndex = t;
            }
        }
        return new Result(points.get(bestIndex), values[bestIndex], points, values);
    }

    private double[] nextPoint(List<double[]> unit, double[] values, int count, int bestIndex, RandomGenerator rng) {
        double[][] x = unit.toArray(new double[0][]);
        double[] y = java.util.Arrays.copyOf(values, count);
        GaussianProcess gp = new GaussianProcess(x, y);
        double best = values[bestIndex];
        int d = lower.length;
        double[] arg = null;
        double argEi = -1;
        for (int c = 0; c < 2 * candidates; c++) {
            double[] u = new double[d];
            for (int i = 0; i < d; i++) {
                u[i] = c < candidates ? rng.nextDouble()
                        : Math.min(1, Math.max(0, x[bestIndex][i] + 0.05 * rng.nextGaussian()));
            }
            double[] ms = gp.predict(u);
            double ei = ExpectedImprovement.of(ms[0], ms[1], best, xi * (1 + Math.abs(best)));
            if (ei > argEi) {
                argEi = ei;
                arg = u;
            }
        }
        return arg;
    }

    private double[] toBox(double[] u) {
        double[] p = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            p[i] = lower[i] + u[i] * (upper[i] - lower[i]);
        }
        return p;
    }
}
