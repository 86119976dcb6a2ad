package org.hrsnn.hardware;

import org.hrsnn.hardware.budget.Budget;
import org.hrsnn.hardware.budget.EnergyModel;
import java.util.ArrayList;
import java.util.List;
import org.hrsnn.hardware.compare.ClockReference;
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
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.engine.RunInputs;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.network.Network;

/**
 * Float network to budget in one call: run the float network with the simulator's clock-driven
 * engine on the run's inputs ({@link ClockReference}; its rates weight the mapper's traffic),
 * quantise, map, emulate bit-exactly on the same inputs, compare spikes and, when the preset has
 * costs, compute the budget. Stops with an {@link InvalidInputException} listing every error of
 * the quantiser and the mapper together (what, where, why) when the network cannot be
 * represented or does not fit.
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
        SpikeTrains[] trains = RunInputs.generate(net, SimulationOptions.of(durationMs, seed));
        SpikeRaster[] inputs = WeightBitsSweep.bin(trains, dt, steps);
        SpikeRaster reference = new ClockReference().run(net, trains, dt, steps);
        Quantised q = new Quantiser().quantise(net, preset, options);
        int[] counts = reference.counts();
        double[] rate = new double[counts.length];
        for (int i = 0; i < rate.length; i++) {
            rate[i] = counts[i] / (double) steps;
        }
        // map even a network with quantisation errors, so that one report says everything that is wrong
        CoreMapper.Mapping mapping = new CoreMapper().map(q.candidate(), preset, rate);
        requireFits(preset.name(), q.report().errors(), mapping.report().errors());
        FixedPointNetwork mapped = mapping.network();
        EmulatorResult emulated = new BitExactEmulator().run(mapped, inputs, steps);
        SpikeAgreement agreement = SpikeAgreement.compare(reference, emulated.spikes(), 10);
        Budget budget = preset.costs() == null ? null : new EnergyModel().budget(mapped, preset, emulated, 0);
        return new Result(q, mapping, reference, emulated, agreement, budget);
    }

    /** Most errors listed in the message of {@link #requireFits}; the rest are counted. */
    public static final int MAX_LISTED_ERRORS = 20;

    /**
     * Throws an {@link InvalidInputException} naming every problem (up to {@link #MAX_LISTED_ERRORS},
     * then a count) when the quantiser or the mapper found any.
     */
    public static void requireFits(String preset, List<Issue> quantisationErrors, List<Issue> mappingErrors) {
        List<Issue> all = new ArrayList<>(quantisationErrors);
        all.addAll(mappingErrors);
        if (all.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("the network does not fit preset " + preset + " (" + all.size() + " problem"
                + (all.size() == 1 ? "" : "s") + "):");
        for (int k = 0; k < Math.min(all.size(), MAX_LISTED_ERRORS); k++) {
            Issue e = all.get(k);
            sb.append("\n  ").append(e.what()).append(" at ").append(e.where()).append(": ").append(e.why());
        }
        if (all.size() > MAX_LISTED_ERRORS) {
            sb.append("\n  ... and ").append(all.size() - MAX_LISTED_ERRORS).append(" more");
        }
        throw new InvalidInputException(sb.toString());
    }
}
