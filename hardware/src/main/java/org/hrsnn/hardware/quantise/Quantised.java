package org.hrsnn.hardware.quantise;

import org.hrsnn.hardware.fixedpoint.FixedPointNetwork;
import org.hrsnn.simulator.InvalidInputException;

/**
 * A quantised network and its report. When the report has errors the network holds clipped
 * stand-in values (so that everything else can still be reported) and {@link #network()} refuses it.
 */
public record Quantised(FixedPointNetwork candidate, QuantisationReport report) {

    /** The network, or an {@link InvalidInputException} listing what cannot be represented. */
    public FixedPointNetwork network() {
        if (!report.ok()) {
            StringBuilder sb = new StringBuilder("the network cannot be represented on the chip:");
            report.errors().forEach(e -> sb.append("\n  ").append(e));
            throw new InvalidInputException(sb.toString());
        }
        return candidate;
    }
}
