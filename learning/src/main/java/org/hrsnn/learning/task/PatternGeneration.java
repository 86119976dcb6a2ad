package org.hrsnn.learning.task;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Pattern generation (e-prop, Bellec et al. 2020): 100 frozen Poisson input channels at 50 Hz
 * for 1 s; the single output must follow a fixed sum of sines with periods 1000, 500, 333 and
 * 200 ms, amplitudes uniform in [0.5, 2] and phases uniform in [0, 2 pi). Input and target are
 * drawn once (stream "task/pattern-generation") and every sample is the same trial.
 */
public final class PatternGeneration implements Task {
    private static final double[] PERIODS_MS = {1000, 500, 333, 200};
    private final Sequence trial;

    public PatternGeneration(RandomStreams streams) {
        this(streams, 100, 1000, 1);
    }

    public PatternGeneration(RandomStreams streams, int channels, double durationMs, double dtMs) {
        Check.positive("channels", channels);
        Check.positive("durationMs", durationMs);
        Check.positive("dtMs", dtMs);
        RandomGenerator g = streams.stream("task/pattern-generation");
        int steps = Frames.steps(durationMs, dtMs);
        double[][] x = new double[steps][channels];
        Frames.poisson(x, 0, channels, 0, steps, 50, dtMs, g);
        double[] amp = new double[PERIODS_MS.length];
        double[] phase = new double[PERIODS_MS.length];
        for (int k = 0; k < amp.length; k++) {
            amp[k] = 0.5 + 1.5 * g.nextDouble();
            phase[k] = 2 * Math.PI * g.nextDouble();
        }
        double[][] y = new double[steps][1];
        double[] w = new double[steps];
        for (int t = 0; t < steps; t++) {
            double s = 0;
            for (int k = 0; k < amp.length; k++) {
                s += amp[k] * Math.sin(2 * Math.PI * (t + 1) * dtMs / PERIODS_MS[k] + phase[k]);
            }
            y[t][0] = s;
            w[t] = 1.0 / steps;
        }
        trial = new Sequence(x, y, w, null, null);
    }

    @Override
    public String name() {
        return "pattern-generation";
    }

    @Override
    public int inputs() {
        return trial.inputs()[0].length;
    }

    @Override
    public int outputs() {
        return 1;
    }

    @Override
    public boolean classification() {
        return false;
    }

    @Override
    public Sequence sample(RandomGenerator g) {
        return trial;
    }
}
