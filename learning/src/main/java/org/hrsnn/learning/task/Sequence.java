package org.hrsnn.learning.task;

/**
 * One trial: input frames and what the readout should do.
 *
 * @param inputs        x_t, [steps][channels] (spike counts 0/1 per step, or analog values)
 * @param targets       regression targets [steps][outputs] (null for classification tasks)
 * @param lossWeight    weight of the regression loss at each step (null for classification)
 * @param decision      for classification: the decision window each step belongs to, or -1
 * @param decisionLabel the correct class of each decision window
 */
public record Sequence(double[][] inputs, double[][] targets, double[] lossWeight, int[] decision, int[] decisionLabel) {
    public int steps() {
        return inputs.length;
    }

    public boolean isClassification() {
        return decision != null;
    }
}
