/**
 * Fixed-point neuromorphic hardware: from a float {@link org.hrsnn.simulator.network.Network} to a
 * chip-ready integer network, its bit-exact run and its budgets.
 *
 * <pre>
 * Network --Quantiser--> FixedPointNetwork (+ QuantisationReport)
 *         --CoreMapper--> FixedPointNetwork with cores (+ MappingReport)
 *         --BitExactEmulator--> spikes and operation counts --EnergyModel--> Budget
 * </pre>
 * {@link org.hrsnn.hardware.HardwarePipeline} runs all of it; presets
 * ({@link org.hrsnn.hardware.preset.HardwarePresets}: loihi1, xylo, custom, or a YAML file) hold
 * everything chip-specific. The command line and the JSON format are described in docs/hardware.md.
 * Choices made where the sources leave room, each documented at its class:
 * <ul>
 * <li>every synapse delivers exactly one step later, external inputs included; float delays are
 *     reported, not modelled;</li>
 * <li>the hardware has one synaptic current per neuron: its time constant is tau_e by default
 *     (or tau_i, or their geometric mean) and the weight gain keeps each input's total charge;</li>
 * <li>u wraps modularly into (-2^23, 2^23] (equal to Lava's single subtraction within its range);
 *     v saturates symmetrically; decays round toward zero; weight exponents floor;</li>
 * <li>weight truncation shifts the two's complement value in MIXED mode and the magnitude in the
 *     single-sign modes;</li>
 * <li>refractory (off for the Lava-compatible preset): after a spike, v is held at 0 for the
 *     count's steps while u keeps integrating;</li>
 * <li>the float side of the comparisons is the simulator's clock-driven engine
 *     ({@link org.hrsnn.hardware.compare.ClockReference}) on the same step grid and input spikes;
 *     {@link org.hrsnn.hardware.compare.FloatStepReference} (the per-step equations the quantiser
 *     targets, in double precision) is reported beside it to separate the cost of the bits from
 *     what the hardware model leaves out (delays, refractory periods, the second current);</li>
 * <li>task accuracy: {@link org.hrsnn.hardware.compare.PatternClassificationTask}, a ridge
 *     readout of spike counts classifying input rate patterns.</li>
 * </ul>
 * On-chip learning ({@code org.hrsnn.hardware.learning}): e-prop / SnAp-1 with fixed-point traces,
 * accumulators and integer weights (stochastic rounding), its forward pass on the same integer
 * neuron update ({@link org.hrsnn.hardware.learning.FixedPointForwardPass}); the readout and the
 * optimiser's step stay on the host.
 */
package org.hrsnn.hardware;
