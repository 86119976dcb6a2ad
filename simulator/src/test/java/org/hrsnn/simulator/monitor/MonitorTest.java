package org.hrsnn.simulator.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.hrsnn.simulator.InvalidInputException;
import org.junit.jupiter.api.Test;

class MonitorTest {
    private final FakeEngine engine = new FakeEngine(80, 20, 15, 2000, 3);

    @Test
    void populationRateBinsSumToTheSpikeCount() {
        PopulationRateMonitor all = new PopulationRateMonitor(7.0);
        PopulationRateMonitor inh = new PopulationRateMonitor(25.0, "inh");
        engine.run(all, inh);
        assertEquals(engine.spikes.size(), Arrays.stream(all.counts()).sum());
        assertEquals(engine.spikesOf(80, 100), Arrays.stream(inh.counts()).sum());
        assertEquals((int) Math.ceil(2000 / 7.0), all.counts().length);
        assertEquals(80, inh.counts().length);
        // Each bin holds exactly the spikes whose time falls in it.
        int[] expected = new int[inh.counts().length];
        for (int k = engine.spikes.start[80]; k < engine.spikes.start[100]; k++) {
            expected[(int) (engine.spikes.times[k] / 25.0)]++;
        }
        assertEquals(Arrays.toString(expected), Arrays.toString(inh.counts()));
        double[] rates = inh.ratesHz();
        for (int b = 0; b < rates.length; b++) {
            assertEquals(expected[b] / (20 * 0.025), rates[b], 1e-9);
        }
        // The mean rate comes back as the Poisson rate (15 Hz) within statistical bounds.
        double mean = Arrays.stream(all.ratesHz()).average().orElseThrow();
        assertEquals(15, mean, 5 * Math.sqrt(15.0 / (100 * 2.0)) + 15 * 0.01);
    }

    @Test
    void spikeCounterAgreesWithTheTrains() {
        SpikeCounter counter = new SpikeCounter();
        engine.run(counter);
        assertEquals(engine.spikes.size(), counter.total());
        for (int i = 0; i < 100; i++) {
            assertEquals(engine.spikesOf(i, i + 1), counter.count(i));
        }
    }

    @Test
    void stateRecorderSamplesTheChosenVariablesOnItsGrid() {
        int[] neurons = {3, 0, 99};
        StateRecorder rec = new StateRecorder(neurons, 12.5, StateVariable.MEMBRANE_POTENTIAL,
                StateVariable.INHIBITORY_CURRENT);
        engine.run(rec);
        assertEquals(160, rec.samples());
        double[] t = rec.times();
        for (int s = 0; s < t.length; s++) {
            assertEquals(s * 12.5, t[s], 1e-12);
            for (int c = 0; c < neurons.length; c++) {
                assertEquals(-70 + neurons[c] + t[s] / 1000, rec.value(StateVariable.MEMBRANE_POTENTIAL, s, c), 1e-12);
                assertEquals(-t[s], rec.value(StateVariable.INHIBITORY_CURRENT, s, c), 1e-12);
            }
        }
        double[] trace = rec.trace(StateVariable.MEMBRANE_POTENTIAL, 2);
        assertEquals(-70 + 99 + t[10] / 1000, trace[10], 1e-12);
        assertEquals(160 * 3, rec.values(StateVariable.INHIBITORY_CURRENT).length);
        assertEquals("stateRecorder.variable",
                assertThrows(InvalidInputException.class, () -> rec.trace(StateVariable.ADAPTATION, 0)).field());
    }

    @Test
    void stateRecorderRejectsBadArguments() {
        StateRecorder outside = new StateRecorder(new int[] {5, 100}, 1, StateVariable.ADAPTATION);
        assertEquals("stateRecorder.neurons[1]",
                assertThrows(InvalidInputException.class, () -> engine.run(outside)).field());
        assertEquals("stateRecorder.periodMs", assertThrows(InvalidInputException.class,
                () -> new StateRecorder(new int[] {1}, 0, StateVariable.ADAPTATION)).field());
        assertEquals("stateRecorder.variables[1]", assertThrows(InvalidInputException.class,
                () -> new StateRecorder(new int[] {1}, 1, StateVariable.ADAPTATION, StateVariable.ADAPTATION)).field());
        assertEquals("populationRateMonitor.binMs",
                assertThrows(InvalidInputException.class, () -> new PopulationRateMonitor(-1)).field());
    }
}
