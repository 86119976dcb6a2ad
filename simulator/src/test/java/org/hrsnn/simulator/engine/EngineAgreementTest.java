package org.hrsnn.simulator.engine;

import static org.hrsnn.simulator.random.ParameterDistribution.constant;
import static org.hrsnn.simulator.random.ParameterDistribution.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrsnn.simulator.benchmark.Cuba;
import org.hrsnn.simulator.connectivity.FixedProbability;
import org.hrsnn.simulator.engine.clock.ClockDrivenEngine;
import org.hrsnn.simulator.engine.event.EventDrivenEngine;
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NetworkBuilder;
import org.hrsnn.simulator.network.NeuronParameter;
import org.hrsnn.simulator.network.PopulationSpec;
import org.junit.jupiter.api.Test;

/**
 * The two engines run the same description: the clock engine's spike times converge to the
 * exact event engine's as dt shrinks, and on CUBA both give the same distribution of
 * per-neuron rates.
 */
class EngineAgreementTest {

    /**
     * A small heterogeneous recurrent network, tonically driven, with delays that are whole
     * multiples of every dt tried, so the only clock error is the spike-time grid.
     */
    private static Network smallRecurrentNetwork() {
        PopulationSpec exc = PopulationSpec.lif("exc", 16).excitatory()
                .set(NeuronParameter.MEMBRANE_TAU, uniform(10, 30))
                .set(NeuronParameter.EXCITATORY_TAU, uniform(2, 8))
                .set(NeuronParameter.INHIBITORY_TAU, uniform(5, 12))
                .set(NeuronParameter.BIAS_CURRENT, uniform(16, 22))
                .set(NeuronParameter.REFRACTORY_PERIOD, 2)
                .set(NeuronParameter.INITIAL_POTENTIAL, uniform(-60, -55));
        PopulationSpec inh = PopulationSpec.lif("inh", 4).inhibitory()
                .set(NeuronParameter.MEMBRANE_TAU, uniform(8, 15))
                .set(NeuronParameter.BIAS_CURRENT, uniform(16, 20))
                .set(NeuronParameter.REFRACTORY_PERIOD, 1)
                .set(NeuronParameter.INITIAL_POTENTIAL, uniform(-60, -55));
        return new NetworkBuilder(2024)
                .add(exc)
                .add(inh)
                .connect("exc", NetworkBuilder.ALL, new FixedProbability(0.3, false), uniform(0.5, 1.5), constant(1.0))
                .connect("inh", NetworkBuilder.ALL, new FixedProbability(0.3, false), uniform(1.0, 3.0), constant(0.5))
                .build();
    }

    /** Largest |t_clock - t_event| over the first {@code k} spikes of every neuron. */
    private static double firstSpikeError(SpikeRecorder clock, SpikeRecorder event, int neurons, int k) {
        double worst = 0;
        for (int i = 0; i < neurons; i++) {
            double[] a = clock.timesOf(i);
            double[] b = event.timesOf(i);
            assertTrue(a.length >= k && b.length >= k, "neuron " + i + " fires at least " + k + " times");
            for (int s = 0; s < k; s++) {
                worst = Math.max(worst, Math.abs(a[s] - b[s]));
            }
        }
        return worst;
    }

    @Test
    void clockSpikeTimesConvergeToEventSpikeTimesAsDtShrinks() {
        Network net = smallRecurrentNetwork();
        SimulationOptions options = SimulationOptions.of(100, 1);
        SpikeRecorder exact = new SpikeRecorder();
        new EventDrivenEngine().run(net, options, exact);

        double[] dts = {0.1, 0.05, 0.025, 0.0125, 0.00625};
        double[] errors = new double[dts.length];
        for (int d = 0; d < dts.length; d++) {
            SpikeRecorder clock = new SpikeRecorder();
            new ClockDrivenEngine().run(net, options.withDt(dts[d]), clock);
            errors[d] = firstSpikeError(clock, exact, net.size(), 3);
        }
        System.out.println("first-spike error vs dt " + java.util.Arrays.toString(dts) + ": "
                + java.util.Arrays.toString(errors));
        for (int d = 1; d < dts.length; d++) {
            assertTrue(errors[d] < errors[d - 1],
                    "error must fall with dt: " + java.util.Arrays.toString(errors));
        }
        // First order in dt: halving dt roughly halves the error (log-log slope near 1).
        double slope = Math.log(errors[0] / errors[dts.length - 1]) / Math.log(dts[0] / dts[dts.length - 1]);
        assertEquals(1.0, slope, 0.35, "convergence order, errors " + java.util.Arrays.toString(errors));
        // A spike is stamped at most one step late and each delivery at most one step late:
        // a few steps of accumulated lateness at most, never more.
        assertTrue(errors[dts.length - 1] < 4 * dts[dts.length - 1] * 3,
                "error at the finest dt: " + errors[dts.length - 1]);
    }

    @Test
    void cubaRateDistributionsAgreeBetweenEngines() {
        Network net = Cuba.network(4000, 3, true);
        SimulationOptions options = SimulationOptions.of(2000, 3);
        double[] event = new EventDrivenEngine().run(net, options).ratesHz();
        double[] clock = new ClockDrivenEngine().run(net, options).ratesHz();
        double d = RateDistributions.ksStatistic(event, clock);
        // Two-sample Kolmogorov-Smirnov at alpha = 0.001: c(alpha) sqrt((n + m) / (n m)).
        double critical = RateDistributions.ksCritical(0.001, event.length, clock.length);
        System.out.printf("CUBAhet rates: event mean %.3f Hz, clock mean %.3f Hz, KS D = %.4f (critical %.4f)%n",
                mean(event), mean(clock), d, critical);
        assertTrue(d < critical, "KS distance " + d + " >= critical " + critical);
        double meanEvent = mean(event);
        double meanClock = mean(clock);
        assertTrue(meanEvent > 5.0 && meanEvent < 6.8, "event mean rate " + meanEvent);
        assertTrue(meanClock > 5.0 && meanClock < 6.8, "clock mean rate " + meanClock);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
