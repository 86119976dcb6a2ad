package org.hrsnn.learning.model;

import java.util.Arrays;

/** The state of a {@link RecurrentSpikingModel} at one step (primitive arrays, reused). */
public final class ModelState {
    public final double[] v;
    public final double[] a;
    public double[] z;
    public double[] zPrev;
    /** psi_t = psi(v_t - A_t) of the current step. */
    public double[] psi;
    public double[] psiPrev;
    public final double[] y;
    final double[] current;
    final int[] activeInputs;
    /** Number of steps taken since the last reset. */
    public int step;

    ModelState(RecurrentSpikingModel m) {
        v = new double[m.n];
        a = new double[m.n];
        z = new double[m.n];
        zPrev = new double[m.n];
        psi = new double[m.n];
        psiPrev = new double[m.n];
        y = new double[m.outputs];
        current = new double[m.n];
        activeInputs = new int[m.inputs];
    }

    /** Back to v = a = z = y = 0 (start of a sequence). */
    public void reset() {
        Arrays.fill(v, 0);
        Arrays.fill(a, 0);
        Arrays.fill(z, 0);
        Arrays.fill(zPrev, 0);
        Arrays.fill(psi, 0);
        Arrays.fill(psiPrev, 0);
        Arrays.fill(y, 0);
        step = 0;
    }
}
