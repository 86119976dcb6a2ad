package org.hrsnn.cli;

import java.nio.file.Path;
import org.hrsnn.pruning.evaluation.SpikingTimeSeriesPrediction;
import picocli.CommandLine.Option;

/** The network and spiking-task options shared by {@code prune} and {@code prune compare}. */
public final class PruneNetworkOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Network configuration (.yaml, .yml or .json). Default: the embedded default HRSNN (1000 neurons).")
    Path config;

    @Option(names = "--neurons", paramLabel = "N",
            description = "Rescale the configuration's populations to N neurons in total (fractions kept).")
    Integer neurons;

    @Option(names = "--spiking", description = "Also score Lorenz prediction from the spiking network (clock engine; slower).")
    boolean spiking;

    @Option(names = "--spiking-filters", paramLabel = "MS,...", defaultValue = "5",
            description = "Readout filter time constants of the spiking task, ms (default: ${DEFAULT-VALUE}: the network's "
                    + "present state, so the score reflects the memory the recurrent network holds; 5,20,50 is the demo's "
                    + "stage-1 readout, whose own memory dominates).")
    String spikingFilters;

    /** The spiking task as pruning scores it, with the readout filters asked for (checked). */
    SpikingTimeSeriesPrediction.Options spikingTask() {
        return SpikingTimeSeriesPrediction.Options.NETWORK_STATE
                .withFilters(PruneSupport.filters("--spiking-filters", spikingFilters));
    }
}
