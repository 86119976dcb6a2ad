package org.hrsnn.hardware.mapping;

import java.util.List;
import org.hrsnn.hardware.Issue;

/**
 * The result of mapping onto cores: utilisation per core, inter-core traffic and what does not
 * fit and why.
 *
 * @param preset                  preset name
 * @param coresUsed               cores that hold at least one neuron
 * @param coresAvailable          cores of the chip
 * @param cores                   per-core usage
 * @param greedyTraffic           inter-core traffic after the greedy fill
 * @param traffic                 inter-core traffic after refinement: sum over source neurons of
 *                                (traffic weight) x (number of other cores it must reach); with
 *                                weights in spikes per step, the expected inter-core spike messages per step
 * @param movesApplied            single-neuron moves made by the refinement
 * @param issues                  why the network does not fit (ERROR) or what was approximated
 */
public record MappingReport(String preset, int coresUsed, int coresAvailable, List<CoreUsage> cores,
                            double greedyTraffic, double traffic, int movesApplied, List<Issue> issues) {

    /** Whether the network fits the chip. */
    public boolean fits() {
        return issues.stream().noneMatch(Issue::isError);
    }

    public List<Issue> errors() {
        return issues.stream().filter(Issue::isError).toList();
    }
}
