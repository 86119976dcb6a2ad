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
 * Float vs fixed point on the same inputs as the weights lose bits. The input spikes are drawn
 * once ({@link RunInputs}, from the run seed); for each bit width the network is quantised and
 * emulated bit-exactly, and its spikes are compared with two float runs on the same inputs:
 * <ul>
 * <li>{@link ClockReference}: the simulator's clock-driven engine, the float model itself
 *     (delays, refractory periods and two synaptic currents included);</li>
 * <li>{@link FloatStepReference}: the per-step equations the quantiser targets (one-step synapses,
 *     the preset's refractory choice), which isolates what the integers and the bits cost from
 *     what the hardware model leaves out.</li>
 * </ul>
 * With a {@link PatternClassificationTask}, the float (clock engine) and fixed-point spikes driven by the
 * task's inputs are also scored by the task.
 */
public final class WeightBitsSweep {

    /**
     * One row of the sweep.
     *
     * @param weightBits             bits kept per weight
     * @param weightRelativeRmsError relative RMS error of the weights
     * @param agreement              fixed point (A = clock engine float, B = fixed point)
     * @param quantisationAgreement  fixed point vs the float step reference (A = reference)
     * @param taskFloat              task accuracy (fraction of test trials classified correctly) of the float spikes (NaN without a task; the same in every row)
     * @param taskFixed              task accuracy of the fixed-point spikes at this width (NaN without a task)
     */
    public record Row(int weightBits, double weightRelativeRmsError, SpikeAgreement agreement,
                      SpikeAgreement quantisationAgreement, double taskFloat, double taskFixed) {
    }

    /** The sweep without a task. */
    public List<Row> run(Network net, HardwarePreset preset, QuantiserOptions options, double durationMs, long seed,
                         int fromBits, int toBits, double tauSteps) {
        return run(net, preset, options, durationMs, seed, fromBits, toBits, tauSteps, null);
    }

    /** The sweep; {@code taskSettings} may be null (the task columns are then NaN). */
    public List<Row> run(Network net, HardwarePreset preset, QuantiserOptions options, double durationMs, long seed,
                         int fromBits, int toBits, double tauSteps, PatternClassificationTask.Settings taskSettings) {
        double dt = options.dtMs();
        int steps = (int) Math.round(durationMs / dt);
        SpikeTrains[] trains = RunInputs.generate(net, SimulationOptions.of(durationMs, seed));
        SpikeRaster[] inputs = bin(trains, dt, steps);
        boolean refractory = options.refractory() == null ? preset.refractoryDefault() : options.refractory();
        SpikeRaster clock = new ClockReference().run(net, trains, dt, steps);
        SpikeRaster step = new FloatStepReference().run(net, dt, refractory, inputs, steps);
        PatternClassificationTask task = null;
        SpikeRaster[] taskInputs = null;
        double taskFloat = Double.NaN;
        if (taskSettings != null) {
            task = new PatternClassificationTask(net, durationMs, seed, taskSettings);
            taskInputs = bin(task.inputs(), dt, steps);
            taskFloat = task.score(new ClockReference().run(net, task.inputs(), dt, steps), dt);
        }
        List<Row> rows = new ArrayList<>();
        Quantiser q = new Quantiser();
        for (int bits = fromBits; bits >= toBits; bits--) {
            var quantised = q.quantise(net, preset, options.withWeightBits(bits));
            FixedPointNetwork fixed = quantised.network();
            QuantisationReport report = quantised.report();
            SpikeRaster hw = new BitExactEmulator().run(fixed, inputs, steps).spikes();
            double taskFixed = task == null ? Double.NaN
                    : task.score(new BitExactEmulator().run(fixed, taskInputs, steps).spikes(), dt);
            rows.add(new Row(bits, report.weightRelativeRmsError(), SpikeAgreement.compare(clock, hw, tauSteps),
                    SpikeAgreement.compare(step, hw, tauSteps), taskFloat, taskFixed));
        }
        return rows;
    }

    /** The network's input spikes for a run of {@code durationMs} with {@code seed}, binned on the step grid. */
    public static SpikeRaster[] inputs(Network net, double dt, int steps, double durationMs, long seed) {
        return bin(RunInputs.generate(net, SimulationOptions.of(durationMs, seed)), dt, steps);
    }

    /** Each group's spike trains binned on the step grid. */
    public static SpikeRaster[] bin(SpikeTrains[] trains, double dt, int steps) {
        SpikeRaster[] out = new SpikeRaster[trains.length];
        for (int g = 0; g < trains.length; g++) {
            out[g] = SpikeRaster.bin(trains[g], dt, steps).raster();
        }
        return out;
    }
}
