package org.hrsnn.examples;

import java.nio.file.Path;
import org.hrsnn.hardware.HardwarePipeline;
import org.hrsnn.hardware.preset.HardwarePresets;
import org.hrsnn.hardware.quantise.QuantiserOptions;
import org.hrsnn.pipeline.DemoPipeline;
import org.hrsnn.pipeline.DemoSettings;
import org.hrsnn.pipeline.ExportStage;
import org.hrsnn.pipeline.StageProgress;
import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.PruningStrategies;
import org.hrsnn.simulator.config.NetworkConfig;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.engine.SimulationResult;
import org.hrsnn.simulator.engine.event.EventDrivenEngine;
import org.hrsnn.simulator.io.nir.NirExporter;
import org.hrsnn.simulator.io.nir.NirImporter;
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * The README's "Java in ten lines", verbatim (a test keeps the two in step): simulate, prune,
 * map, export; with a third argument also the whole demo pipeline into that folder:
 * {@code java -cp hrsnn.jar org.hrsnn.examples.FirstLines net.yaml pruned.nir [out]}.
 */
public final class FirstLines {
    private FirstLines() {
    }

    public static void main(String[] args) throws Exception {
        // README begin
        Network network = NetworkConfig.load(Path.of(args[0])).build();       // net.yaml; or NetworkBuilder
        SpikeRecorder spikes = new SpikeRecorder();
        SimulationResult run = new EventDrivenEngine().run(network, SimulationOptions.of(1000, 7), spikes);
        PruningResult pruned = PruningStrategies.byName("lnp").prune(network, 0.5, new RandomStreams(7));
        HardwarePipeline.Result chip = new HardwarePipeline().run(pruned.network(), HardwarePresets.loihi1(),
                QuantiserOptions.defaults(0.1), 200, 7);                       // quantise, map, emulate
        Network forNir = ExportStage.roundedDelays(pruned.network(), 1.0);     // NIR: a weight node per delay
        NirExporter.write(forNir, Path.of(args[1]));                           // pruned.nir
        Network back = NirImporter.read(Path.of(args[1])).network();          // and read it back
        System.out.println(run.meanRateHz() + " Hz, " + chip.budget().energyPerInferencePj() + " pJ, " + back.size());
        // README end
        if (args.length > 2) {
            new DemoPipeline(DemoSettings.quickRun()).run(network, args[0], 7, Path.of(args[2]), StageProgress.silent());
        }
    }
}
