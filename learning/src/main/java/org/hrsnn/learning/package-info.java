/**
 * Online learning for recurrent spiking networks: a differentiable discrete-time unroll of the
 * simulator's networks and the gradient estimators that train it.
 *
 * <ul>
 *   <li>{@code model}: {@link org.hrsnn.learning.model.RecurrentSpikingModel}, the e-prop form of
 *       LIF/ALIF (reset by subtraction of vth, no refractory period, no synaptic filter,
 *       leaky-integrator readout), per-neuron time constants, recurrent weights on the CSR
 *       structure.</li>
 *   <li>{@code surrogate}: the pseudo-derivative psi through a spike; piecewise linear
 *       (gamma 0.3, e-prop) by default, fast sigmoid and exponential selectable. Each also gives
 *       the smooth step whose derivative it is, for the smooth forward variant used by the
 *       finite-difference test.</li>
 *   <li>{@code gradient}: one {@link org.hrsnn.learning.gradient.GradientEstimator} per rule:
 *       {@code Bptt} / {@code TruncatedBptt} (reference), {@code Rtrl} (full influence matrix,
 *       EJML, refuses networks too large), {@code SnapN} (structural masks: reachability within
 *       n - 1 steps of the static graph), {@code SnapOne} (specialised SnAp-1), {@code Eprop}
 *       (symmetric or fixed random feedback). Identities checked by tests: RTRL = BPTT,
 *       e-prop = BPTT with stop-gradient through z in the recurrence and reset, SnAp-n = RTRL for
 *       n = diameter + 1.</li>
 *   <li>{@code task}: generated tasks (pattern generation, evidence accumulation, store-recall,
 *       delayed match-to-sample, N-parity, copy) and their losses.</li>
 *   <li>{@code optim}, {@code train}: SGD, Adam, clipping; the online/offline
 *       {@link org.hrsnn.learning.train.Trainer} with firing-rate regularisation and checkpoint
 *       restore on NaN.</li>
 *   <li>{@code cost}: counted state and multiply-adds per rule and the {@code CostTable}
 *       benchmark command.</li>
 * </ul>
 */
package org.hrsnn.learning;
