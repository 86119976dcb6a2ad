package org.hrsnn.learning.cost;

/**
 * What a learning rule costs on one network, counted from the structures it actually allocates
 * and loops over (not estimated): floats of state it keeps between steps (traces, histories; the
 * network's own v, a, z and the gradient accumulator are not counted) and multiply-adds per step
 * for the gradient computation (the forward pass of the network is not counted).
 *
 * @param rule        the rule's name
 * @param stateFloats numbers kept between steps (for BPTT: per recorded step, times the window)
 * @param macsPerStep multiply-adds per step for the gradient (for BPTT: averaged over a window)
 * @param note        how the counts are made up, in words
 */
public record CostReport(String rule, long stateFloats, long macsPerStep, String note) {
}
