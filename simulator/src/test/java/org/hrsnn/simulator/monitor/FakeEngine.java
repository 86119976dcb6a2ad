package org.hrsnn.simulator.monitor;

import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.input.PoissonSource;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NetworkBuilder;
import org.hrsnn.simulator.network.PopulationSpec;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Drives monitors as an engine would (start, samples at 0, P, 2P, ..., spikes in time order with
 * ties by neuron, progress, finish) from Poisson spikes, with a state view given by formulas, so
 * monitors can be tested without a real engine.
 */
final class FakeEngine {
    final Network network;
    final SpikeTrains spikes;
    final int[] order;
    final SimulationOptions options;

    FakeEngine(int excitatory, int inhibitory, double rateHz, double durationMs, long seed) {
        network = new NetworkBuilder(seed)
                .add(PopulationSpec.lif("exc", excitatory).excitatory())
                .add(PopulationSpec.lif("inh", inhibitory).inhibitory())
                .build();
        options = SimulationOptions.of(durationMs, seed);
        spikes = new PoissonSource(network.size(), rateHz).generate(durationMs, new RandomStreams(seed).stream("fake"));
        order = spikes.channelsInTimeOrder();
    }

    /** The state the fake reports: v = -70 + neuron + t / 1000 mV, I_e = neuron, I_i = -t, a = 0.5. */
    static NeuronStateView view(double t) {
        return new NeuronStateView() {
            @Override
            public double membranePotential(int neuron) {
                return -70 + neuron + t / 1000;
            }

            @Override
            public double excitatoryCurrent(int neuron) {
                return neuron;
            }

            @Override
            public double inhibitoryCurrent(int neuron) {
                return -t;
            }

            @Override
            public double adaptation(int neuron) {
                return 0.5;
            }
        };
    }

    void run(Monitor... monitors) {
        for (Monitor m : monitors) {
            m.start(network, options);
        }
        double end = options.durationMs();
        int k = 0;
        for (Monitor m : monitors) {
            double p = m.samplePeriodMs();
            if (p > 0) {
                for (long s = 0; s * p < end; s++) {
                    m.onSample(s * p, view(s * p));
                }
            }
        }
        for (; k < order.length; k++) {
            int spike = order[k];
            for (Monitor m : monitors) {
                m.onSpike(spikes.channelOf(spike), spikes.times[spike]);
            }
        }
        for (Monitor m : monitors) {
            m.onProgress(end);
            m.finish(end);
        }
    }

    int spikesOf(int first, int end) {
        return spikes.start[end] - spikes.start[first];
    }
}
