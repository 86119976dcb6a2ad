package org.hrsnn.hardware.quantise;

import java.util.List;
import org.hrsnn.hardware.Issue;

/**
 * What quantisation cost, per parameter.
 *
 * @param voltageScale      largest hardware v units per mV over neurons (v_hw = (v - V_reset) * scale_i)
 * @param minVoltageScale   smallest per-neuron scale (equal to voltageScale without gain equalisation)
 * @param prototypes        number of (du, dv) prototypes used
 * @param membraneTau       tau_m realised by the prototype's dv vs the float tau_m (ms)
 * @param synapticTau       tau_s realised by du vs the float time constant it stands for (ms)
 * @param inhibitoryTau     tau_s realised vs the float tau_i (the cost of one current for two), ms
 * @param threshold         V_th - V_reset realised vs float, mV
 * @param bias              the per-step drive of v realised vs float, mV per step
 * @param initialPotential  v(0) realised vs float, mV
 * @param projections       weight error per projection
 * @param issues            approximations (WARNING) and what cannot be represented (ERROR)
 */
public record QuantisationReport(double voltageScale, double minVoltageScale, int prototypes, ParameterError membraneTau,
                                 ParameterError synapticTau, ParameterError inhibitoryTau, ParameterError threshold,
                                 ParameterError bias, ParameterError initialPotential,
                                 List<ProjectionQuantisation> projections, List<Issue> issues) {

    /** Whether nothing is unrepresentable. */
    public boolean ok() {
        return issues.stream().noneMatch(Issue::isError);
    }

    public List<Issue> errors() {
        return issues.stream().filter(Issue::isError).toList();
    }

    /** The relative RMS weight error over all projections, weighted by synapse count. */
    public double weightRelativeRmsError() {
        double s = 0;
        long n = 0;
        for (ProjectionQuantisation p : projections) {
            s += p.relativeRmsError() * p.relativeRmsError() * p.synapses();
            n += p.synapses();
        }
        return n == 0 ? 0 : Math.sqrt(s / n);
    }
}
