package org.hrsnn.hardware.compare;

import java.util.ArrayList;
import java.util.List;
import org.hrsnn.hardware.emulator.BitExactEmulator;
import org.hrsnn.hardware.fixedpoint.FixedPointNetwork;
import org.hrsnn.hardware.fixedpoint.SpikeRaster;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.hardware.quantise.QuantisationReport;
import org.hrsnn.hardware.quantise.Quantiser;
import org.hrsnn.hardware.quantise.QuantiserOptions;
import org.hrsnn.simulator.engine.RunInputs;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.network.Network;

/**
 * Float vs fixed point on the same inputs as the weights lose bits: for each bit width, quantise,
 * emulate bit-exactly and compare with {@link FloatStepReference} (same step grid, same binned
 * input spikes drawn by {@link RunInputs} from the run seed).
 */
public final class WeightBitsSweep {

    /** One row of the sweep. */
    public record Row(int weightBits, double weightRelativeRmsError, SpikeAgreement agreement) {
    }

    public List<Row> run(Network net, HardwarePreset preset, QuantiserOptions options, double durationMs, long seed,
                         int fromBits, int toBits, double tauSteps) {
        double dt = options.dtMs();
        int steps = (int) Math.round(durationMs / dt);
        SpikeRaster[] inputs = inputs(net, dt, steps, durationMs, seed);
        boolean refractory = options.refractory() == null ? preset.refractoryDefault() : options.refractory();
        SpikeRaster reference = new FloatStepReference().run(net, dt, refractory, inputs, steps);
        List<Row> rows = new ArrayList<>();
        Quantiser q = new Quantiser();
        for (int bits = fromBits; bits >= toBits; bits--) {
            var quantised = q.quantise(net, preset, options.withWeightBits(bits));
            FixedPointNetwork fixed = quantised.network();
            QuantisationReport report = quantised.report();
            SpikeRaster hw = new BitExactEmulator().run(fixed, inputs, steps).spikes();
            rows.add(new Row(bits, report.weightRelativeRmsError(), SpikeAgreement.compare(reference, hw, tauSteps)));
        }
        return rows;
    }

    /** The network's input spikes for a run of {@code durationMs} with {@code seed}, binned on the step grid. */
    public static SpikeRaster[] inputs(Network net, double dt, int steps, double durationMs, long seed) {
        SpikeTrains[] trains = RunInputs.generate(net, SimulationOptions.of(durationMs, seed));
        SpikeRaster[] out = new SpikeRaster[trains.length];
        for (int g = 0; g < trains.length; g++) {
            out[g] = SpikeRaster.bin(trains[g], dt, steps).raster();
        }
        return out;
    }
}
