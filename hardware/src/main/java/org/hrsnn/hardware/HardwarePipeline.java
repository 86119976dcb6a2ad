package org.hrsnn.hardware;

import org.hrsnn.hardware.budget.Budget;
import org.hrsnn.hardware.budget.EnergyModel;
import org.hrsnn.hardware.compare.FloatStepReference;
import org.hrsnn.hardware.compare.SpikeAgreement;
import org.hrsnn.hardware.compare.WeightBitsSweep;
import org.hrsnn.hardware.emulator.BitExactEmulator;
import org.hrsnn.hardware.emulator.EmulatorResult;
import org.hrsnn.hardware.fixedpoint.FixedPointNetwork;
import org.hrsnn.hardware.fixedpoint.SpikeRaster;
import org.hrsnn.hardware.mapping.CoreMapper;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.hardware.quantise.Quantised;
import org.hrsnn.hardware.quantise.Quantiser;
import org.hrsnn.hardware.quantise.QuantiserOptions;
import org.hrsnn.simulator.network.Network;

/**
 * Float network to budget in one call: run the float step reference on the run's inputs (its
 * rates weight the mapper's traffic), quantise, map, emulate bit-exactly, compare spikes and,
 * when the preset has costs, compute the budget. Stops with an
 * {@link org.hrsnn.simulator.InvalidInputException} listing every error when the network cannot
 * be represented or does not fit; the reports are still available from the quantiser and mapper.
 */
public final class HardwarePipeline {

    /** Everything one pipeline run produced; {@code budget} is null when the preset has no costs. */
    public record Result(Quantised quantised, CoreMapper.Mapping mapping, SpikeRaster floatSpikes, EmulatorResult emulated,
                         SpikeAgreement agreement, Budget budget) {
        public FixedPointNetwork network() {
            return mapping.network();
        }
    }

    public Result run(Network net, HardwarePreset preset, QuantiserOptions options, double durationMs, long seed) {
        double dt = options.dtMs();
        int steps = (int) Math.round(durationMs / dt);
        SpikeRaster[] inputs = WeightBitsSweep.inputs(net, dt, steps, durationMs, seed);
        boolean refractory = options.refractory() == null ? preset.refractoryDefault() : options.refractory();
        SpikeRaster reference = new FloatStepReference().run(net, dt, refractory, inputs, steps);
        Quantised q = new Quantiser().quantise(net, preset, options);
        FixedPointNetwork fixed = q.network();
        int[] counts = reference.counts();
        double[] rate = new double[counts.length];
        for (int i = 0; i < rate.length; i++) {
            rate[i] = counts[i] / (double) steps;
        }
        CoreMapper.Mapping mapping = new CoreMapper().map(fixed, preset, rate);
        FixedPointNetwork mapped = mapping.network();
        EmulatorResult emulated = new BitExactEmulator().run(mapped, inputs, steps);
        SpikeAgreement agreement = SpikeAgreement.compare(reference, emulated.spikes(), 10);
        Budget budget = preset.costs() == null ? null : new EnergyModel().budget(mapped, preset, emulated, 0);
        return new Result(q, mapping, reference, emulated, agreement, budget);
    }
}
