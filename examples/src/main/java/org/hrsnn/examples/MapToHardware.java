package org.hrsnn.examples;

import org.hrsnn.hardware.HardwarePipeline;
import org.hrsnn.hardware.budget.Budget;
import org.hrsnn.hardware.preset.HardwarePresets;
import org.hrsnn.hardware.quantise.QuantiserOptions;
import org.hrsnn.simulator.network.Network;

/**
 * Quantise a network to the Loihi-like preset, map it onto cores, run it bit-exactly and print
 * the agreement with the float reference and the budget of one 200 ms inference.
 * {@code java -cp hrsnn.jar org.hrsnn.examples.MapToHardware}
 */
public final class MapToHardware {
    private MapToHardware() {
    }

    public static void main(String[] args) {
        Network network = Examples.smallConfig().build();
        HardwarePipeline.Result r = new HardwarePipeline().run(network, HardwarePresets.loihi1(),
                QuantiserOptions.defaults(0.1), 200, 7);                     // dt 0.1 ms, 200 ms, seed 7
        Budget b = r.budget();
        System.out.printf("%d cores, %d synapses; spikes float %d, fixed %d (count correlation %.3f)%n",
                b.coresUsed(), r.network().synapseCount(), r.floatSpikes().size(), r.emulated().spikes().size(),
                r.agreement().rateCorrelation());
        System.out.printf("energy %.3g uJ, latency %.3g ms per inference%n", b.energyPerInferencePj() * 1e-6,
                b.latencyPerInferenceNs() * 1e-6);
    }
}
