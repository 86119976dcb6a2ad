package org.hrsnn.pruning;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.hrsnn.pruning.baseline.ActivityPruning;
import org.hrsnn.pruning.baseline.LotteryTicketPruning;
import org.hrsnn.pruning.baseline.MagnitudePruning;
import org.hrsnn.pruning.baseline.NoisePruning;
import org.hrsnn.pruning.baseline.RandomPruning;
import org.hrsnn.pruning.baseline.SpectralSparsification;
import org.hrsnn.pruning.lnp.LyapunovNoisePruning;
import org.hrsnn.simulator.InvalidInputException;

/** The strategies by command-line name, with their default settings. */
public final class PruningStrategies {
    private static final Map<String, Supplier<PruningStrategy>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("lnp", LyapunovNoisePruning::new);
        BY_NAME.put("random", RandomPruning::new);
        BY_NAME.put("magnitude", MagnitudePruning::new);
        BY_NAME.put("activity", ActivityPruning::new);
        BY_NAME.put("noise", NoisePruning::new);
        BY_NAME.put("spectral", SpectralSparsification::new);
        BY_NAME.put("lottery", LotteryTicketPruning::new);
    }

    private PruningStrategies() {
    }

    public static java.util.List<String> names() {
        return java.util.List.copyOf(BY_NAME.keySet());
    }

    public static PruningStrategy byName(String name) {
        Supplier<PruningStrategy> s = BY_NAME.get(name);
        if (s == null) {
            throw new InvalidInputException("strategy", name, "one of " + names());
        }
        return s.get();
    }
}
