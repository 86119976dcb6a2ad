package org.hrsnn.learning.task;

import java.util.Arrays;

/**
 * The loss of a trial, step by step: mean squared error (weights from the sequence) for
 * regression, softmax cross-entropy averaged over each decision window for classification.
 * Also scores decisions: a window is answered by the argmax of the readout summed over it.
 */
public final class SequenceLoss {
    private final Sequence seq;
    private final int[] windowLength;
    private final double[][] windowSum;
    private double loss;

    public SequenceLoss(Sequence seq, int outputs) {
        this.seq = seq;
        if (seq.isClassification()) {
            int windows = seq.decisionLabel().length;
            windowLength = new int[windows];
            for (int d : seq.decision()) {
                if (d >= 0) {
                    windowLength[d]++;
                }
            }
            windowSum = new double[windows][outputs];
        } else {
            windowLength = null;
            windowSum = null;
        }
    }

    /** Adds step t's loss and writes dl_t/dy_t into {@code grad} (zeros when step t has no loss). */
    public void step(int t, double[] y, double[] grad) {
        Arrays.fill(grad, 0);
        if (seq.isClassification()) {
            int d = seq.decision()[t];
            if (d < 0) {
                return;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double v : y) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int k = 0; k < y.length; k++) {
                grad[k] = Math.exp(y[k] - max);
                sum += grad[k];
                windowSum[d][k] += y[k];
            }
            int label = seq.decisionLabel()[d];
            double w = 1.0 / windowLength[d];
            for (int k = 0; k < y.length; k++) {
                grad[k] = w * (grad[k] / sum - (k == label ? 1 : 0));
            }
            loss += -w * (y[label] - max - Math.log(sum));
        } else {
            double w = seq.lossWeight()[t];
            if (w == 0) {
                return;
            }
            double[] target = seq.targets()[t];
            for (int k = 0; k < y.length; k++) {
                double e = y[k] - target[k];
                grad[k] = w * e;
                loss += 0.5 * w * e * e;
            }
        }
    }

    public double loss() {
        return loss;
    }

    /** Number of decision windows answered wrongly (classification), or 0. */
    public int wrongDecisions() {
        if (!seq.isClassification()) {
            return 0;
        }
        int wrong = 0;
        for (int d = 0; d < windowSum.length; d++) {
            int best = 0;
            for (int k = 1; k < windowSum[d].length; k++) {
                if (windowSum[d][k] > windowSum[d][best]) {
                    best = k;
                }
            }
            wrong += best == seq.decisionLabel()[d] ? 0 : 1;
        }
        return wrong;
    }

    public int decisions() {
        return seq.isClassification() ? windowSum.length : 0;
    }
}
