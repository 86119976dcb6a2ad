package org.hrsnn.simulator.config;

import java.util.List;
import org.hrsnn.simulator.input.PoissonSource;
import org.hrsnn.simulator.input.SpikeSource;
import org.hrsnn.simulator.input.SpikeTimesSource;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.random.ParameterDistribution;

/** An external input of a configuration, told apart by {@code type}. */
public sealed interface InputConfig {
    String name();

    String type();

    /**
     * Poisson spike trains on {@code channels} channels at {@code rateHz} (one value: constant;
     * several: piecewise constant over bins of {@code binMs}, zero after the last bin),
     * projected onto population {@code target} by {@code rule} with weight (nA) and delay
     * (ms) distributions.
     */
    record Poisson(String name, int channels, List<Double> rateHz, Double binMs, String target,
                   RuleConfig rule, ParameterDistribution weight, ParameterDistribution delay) implements InputConfig {
        public Poisson {
            rateHz = List.copyOf(rateHz);
        }

        public boolean timeVarying() {
            return binMs != null;
        }

        /** The spike source this input describes. */
        public SpikeSource toSource() {
            if (!timeVarying()) {
                return new PoissonSource(channels, rateHz.get(0));
            }
            return PoissonSource.timeVarying(channels, rateHz.stream().mapToDouble(Double::doubleValue).toArray(), binMs);
        }

        @Override
        public String type() {
            return "poisson";
        }
    }

    /** Fixed spike times (ms), one ascending list per channel, projected like a Poisson input. */
    record SpikeTimes(String name, List<List<Double>> times, String target, RuleConfig rule,
                      ParameterDistribution weight, ParameterDistribution delay) implements InputConfig {
        public SpikeTimes {
            times = times.stream().map(List::copyOf).toList();
        }

        @Override
        public String type() {
            return "spikeTimes";
        }

        /** The spike source this input describes. */
        public SpikeSource toSource() {
            int[] start = new int[times.size() + 1];
            for (int c = 0; c < times.size(); c++) {
                start[c + 1] = start[c] + times.get(c).size();
            }
            double[] t = times.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
            return new SpikeTimesSource(new SpikeTrains(start, t));
        }
    }

    /**
     * A current step of {@code amplitude} nA into the neurons {@code neurons} (local indices; null
     * for all) of population {@code target}, from {@code startMs} to {@code stopMs} (null: to the
     * end of the run).
     */
    record Current(String name, String target, List<Integer> neurons, double amplitude, double startMs,
                   Double stopMs) implements InputConfig {
        public Current {
            neurons = neurons == null ? null : List.copyOf(neurons);
        }

        @Override
        public String type() {
            return "current";
        }
    }
}
