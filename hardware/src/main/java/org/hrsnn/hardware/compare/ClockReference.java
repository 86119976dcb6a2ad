package org.hrsnn.hardware.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hrsnn.hardware.fixedpoint.SpikeRaster;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.engine.clock.ClockDrivenEngine;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.input.SpikeTimesSource;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.network.Network;

/**
 * The float side of the float-vs-fixed comparisons: the simulator's
 * {@link ClockDrivenEngine} (exact propagators, delays, refractory periods, two synaptic
 * currents) run on the hardware's step grid with the very input spikes the emulator gets.
 *
 * <p>Each input group's source is replaced by its given spike trains, so the engine and the
 * emulator see the same external spikes (the emulator sees them binned on the grid). The engine
 * stamps a spike at the end of the step in which v crossed, t = (s + 1) dt; it is placed in step
 * s = round(t / dt) - 1 of the raster, the step the emulator would report it in.
 */
public final class ClockReference {

    /** Float spikes of {@code steps} steps of {@code dtMs} ms with the given input spike trains (one per input group). */
    public SpikeRaster run(Network net, SpikeTrains[] inputs, double dtMs, int steps) {
        if (inputs.length != net.inputs().size()) {
            throw new InvalidInputException("inputs.length", inputs.length, "one spike train set per input group (" + net.inputs().size() + ")");
        }
        List<InputGroup> groups = new ArrayList<>();
        for (int g = 0; g < inputs.length; g++) {
            InputGroup in = net.inputs().get(g);
            groups.add(new InputGroup(in.name(), new SpikeTimesSource(inputs[g]), in.projection()));
        }
        Network fed = net.withInputs(groups, net.currents());
        SpikeRecorder recorder = new SpikeRecorder();
        new ClockDrivenEngine().run(fed, new SimulationOptions(steps * dtMs, 1, 1, dtMs), recorder);
        return raster(recorder.neurons(), recorder.times(), net.size(), dtMs, steps);
    }

    /** Spikes in time order onto the step grid (sorted by neuron within a step); stamps outside [dt, steps dt] are dropped. */
    static SpikeRaster raster(int[] neurons, double[] timesMs, int units, double dtMs, int steps) {
        int[] start = new int[steps + 1];
        int[] unit = new int[neurons.length];
        int m = 0;
        int current = 0;
        for (int k = 0; k < neurons.length; k++) {
            int s = (int) Math.round(timesMs[k] / dtMs) - 1;
            if (s < 0 || s >= steps) {
                continue;
            }
            while (current < s) {
                start[++current] = m;
            }
            unit[m++] = neurons[k];
        }
        while (current < steps) {
            start[++current] = m;
        }
        for (int t = 0; t < steps; t++) {
            Arrays.sort(unit, start[t], start[t + 1]); // the engine reports a step's spikes by neuron already; cheap insurance
        }
        return new SpikeRaster(steps, units, start, Arrays.copyOf(unit, m));
    }
}
