package org.hrsnn.pipeline;

import java.util.List;
import java.util.Locale;
import org.hrsnn.hardware.HardwarePipeline;
import org.hrsnn.hardware.budget.Budget;
import org.hrsnn.hardware.budget.EnergyModel;
import org.hrsnn.hardware.fixedpoint.SpikeRaster;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.hardware.preset.HardwarePresets;
import org.hrsnn.hardware.preset.OperationCosts;
import org.hrsnn.hardware.quantise.QuantiserOptions;
import org.hrsnn.report.HtmlReport;
import org.hrsnn.report.Plots;
import org.hrsnn.report.Table;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;

/**
 * Stage 4: quantises and maps the dense and the LNP-pruned network onto the Loihi-like preset
 * ({@link HardwarePresets#loihi1()}), runs each on the bit-exact emulator next to the float
 * step reference on the same input spikes ({@link HardwarePipeline}), and reports float-vs-fixed
 * agreement, cores, energy and latency per inference, and the on-chip learning budget.
 *
 * <p>On-chip learning budget: an online eligibility-trace rule (e-prop, SnAp-1) keeps one trace
 * per synapse and updates it every step, so one inference with learning costs synapses x steps
 * learning updates, priced by the preset's per-update energy; the latency added assumes the
 * updates are spread evenly over the cores in use (updates x t_update / cores per step).
 */
public final class HardwareStage implements Stage {
    /** Step of the fixed-point model, ms. */
    static final double DT_MS = 0.1;

    /**
     * One network on the chip.
     *
     * @param label                 "dense" or "LNP"
     * @param neurons               neurons mapped
     * @param synapses              synapses mapped
     * @param cores                 cores used
     * @param synapseBits           synaptic memory used, bits
     * @param floatSpikes           spikes of the float step reference
     * @param fixedSpikes           spikes of the bit-exact emulator
     * @param rateCorrelation       Pearson correlation of per-neuron spike counts, float vs fixed
     * @param vanRossum             mean van Rossum distance per neuron, float vs fixed
     * @param energyPerInferenceUj  energy of one inference, uJ
     * @param latencyPerInferenceMs latency of one inference, ms
     * @param synapticEnergyUj      synaptic part, uJ
     * @param neuronEnergyUj        neuron-update part, uJ
     * @param routingEnergyUj       spike-routing part, uJ
     */
    public record Chip(String label, int neurons, long synapses, int cores, long synapseBits, long floatSpikes,
                       long fixedSpikes, double rateCorrelation, double vanRossum, double energyPerInferenceUj,
                       double latencyPerInferenceMs, double synapticEnergyUj, double neuronEnergyUj,
                       double routingEnergyUj) {
    }

    /**
     * @param preset                    hardware preset
     * @param dtMs                      fixed-point step, ms
     * @param inferenceMs               biological time of one inference, ms
     * @param dense                     the dense network on chip
     * @param lnp                       the LNP-pruned network on chip
     * @param energySaving              1 - energy(LNP) / energy(dense)
     * @param learningUpdatesPerInference on-chip learning updates per inference (LNP network)
     * @param learningEnergyUj          their energy, uJ
     * @param learningLatencyMs         their added latency, ms
     * @param energyWithLearningUj      LNP inference energy with on-chip learning, uJ
     */
    public record Summary(String preset, double dtMs, double inferenceMs, Chip dense, Chip lnp, double energySaving,
                          long learningUpdatesPerInference, double learningEnergyUj, double learningLatencyMs,
                          double energyWithLearningUj) {
    }

    /** When the network cannot be represented on or does not fit the preset: why (no numbers). */
    public record NotMapped(boolean available, String reason) {
    }

    @Override
    public String name() {
        return "hardware";
    }

    @Override
    public double weight() {
        return 10;
    }

    @Override
    public Object run(DemoContext ctx) {
        HardwarePreset preset = HardwarePresets.loihi1();
        QuantiserOptions options = QuantiserOptions.defaults(DT_MS);
        double ms = ctx.settings().hardwareMs();
        Network lnpNet = ctx.lnpPruned.network();
        HardwarePipeline.Result denseRun;
        HardwarePipeline.Result lnpRun;
        try {
            denseRun = new HardwarePipeline().run(ctx.network(), preset, options, ms, ctx.seed());
            ctx.progress().update(0.45);
            lnpRun = new HardwarePipeline().run(lnpNet, preset, options, ms, ctx.seed());
        } catch (InvalidInputException e) {
            // A user's network may use what the chip cannot hold: say so, keep the other stages.
            ctx.report().section("Hardware: Loihi-like fixed point, before and after pruning").paragraph(
                    "The network could not be mapped to the '" + preset.name() + "' preset: " + e.getMessage());
            return new NotMapped(false, e.getMessage());
        }
        ctx.progress().update(0.9);
        Chip dense = chip("dense", denseRun);
        Chip lnp = chip("LNP", lnpRun);

        OperationCosts c = preset.costs();
        int steps = lnpRun.emulated().steps();
        long updates = lnp.synapses() * (long) steps;
        Budget withLearning = new EnergyModel().budget(lnpRun.network(), preset, lnpRun.emulated(), updates);
        double learningUj = withLearning.learningEnergyPj() * 1e-6;
        double learningLatencyMs = updates * c.synapticUpdateNs() / Math.max(1, lnp.cores()) * 1e-6;

        HtmlReport.Section sec = ctx.report().section("Hardware: Loihi-like fixed point, before and after pruning");
        sec.paragraph(String.format(Locale.ROOT, "Both networks were quantised to the '%s' preset (step %.1f ms), mapped "
                        + "onto its cores and run for %.0f ms (%d steps, one inference) on the bit-exact emulator, next to "
                        + "the float step reference driven by the same input spikes. Agreement: per-neuron spike-count "
                        + "correlation %.3f (dense) and %.3f (LNP). Energy per inference %.3g uJ (dense) and %.3g uJ "
                        + "(LNP, density %.2f): %.0f %% less.", preset.name(), DT_MS, ms, steps,
                dense.rateCorrelation(), lnp.rateCorrelation(), dense.energyPerInferenceUj(), lnp.energyPerInferenceUj(),
                ctx.lnpDensity, 100 * (1 - lnp.energyPerInferenceUj() / dense.energyPerInferenceUj())));
        SpikeRaster fl = lnpRun.floatSpikes();
        SpikeRaster fx = lnpRun.emulated().spikes();
        double[] ta = times(fl);
        double[] tb = times(fx);
        sec.figure("LNP network: float step reference (rings) and bit-exact fixed-point emulator (dots); a dot in a "
                        + "ring is a spike both produced.",
                ctx.plot(Plots.rasterOverlay("Float vs fixed point, LNP", "float", units(fl), ta,
                        "fixed point", units(fx), tb, 8000), "float-vs-fixed-raster", "float vs fixed-point raster"));
        // Learning is left out of the bars: it is 10-100 times an inference and would flatten them
        // (its figures are in the learning-budget table below).
        double[][] parts = {
            {dense.synapticEnergyUj(), lnp.synapticEnergyUj()},
            {dense.neuronEnergyUj(), lnp.neuronEnergyUj()},
            {dense.routingEnergyUj(), lnp.routingEnergyUj()}};
        sec.figure("Energy per inference by operation type, before and after pruning (without learning).",
                ctx.plot(Plots.bars("Energy per inference", "network", "energy (uJ)",
                        List.of("dense", String.format(Locale.ROOT, "LNP, density %.2f", ctx.lnpDensity)),
                        List.of("synaptic", "neuron updates", "routing"), parts, true),
                        "energy-breakdown", "energy breakdown"));
        Table.Builder t = Table.builder("Hardware budget per inference").column("network").column("neurons")
                .column("synapses (incl. input)").column("cores").column("synapse memory", "bit", null)
                .column("energy", "uJ", "%.4g").column("latency", "ms", "%.4g");
        Table.Builder agree = Table.builder("Float vs fixed point, same input spikes").column("network")
                .column("float spikes").column("fixed-point spikes").column("spike-count correlation", null, "%.4f")
                .column("van Rossum distance", null, "%.4f");
        Table.Builder parts2 = Table.builder("Energy per inference by operation").column("network")
                .column("synaptic", "uJ", "%.4g").column("neuron updates", "uJ", "%.4g").column("routing", "uJ", "%.4g");
        for (Chip ch : List.of(dense, lnp)) {
            t.row(ch.label(), ch.neurons(), ch.synapses(), ch.cores(), ch.synapseBits(), ch.energyPerInferenceUj(),
                    ch.latencyPerInferenceMs());
            agree.row(ch.label(), ch.floatSpikes(), ch.fixedSpikes(), ch.rateCorrelation(), ch.vanRossum());
            parts2.row(ch.label(), ch.synapticEnergyUj(), ch.neuronEnergyUj(), ch.routingEnergyUj());
        }
        sec.table(ctx.table(t.build(), "hardware"));
        sec.table(ctx.table(agree.build(), "float-vs-fixed"));
        sec.table(ctx.table(parts2.build(), "energy-breakdown"));
        sec.paragraph(String.format(Locale.ROOT, "On-chip learning budget (LNP network): an online eligibility-trace rule "
                        + "(e-prop or SnAp-1: one trace per synapse, updated every step) costs %d learning updates per "
                        + "inference (%d synapses x %d steps): %.3g uJ at %.3g pJ per update, so an inference with "
                        + "learning takes %.3g uJ instead of %.3g uJ; spread over %d cores the updates add about %.3g ms "
                        + "of latency to the %.3g ms inference: %.3g ms of chip time for %.0f ms of biological time, "
                        + "%s.", updates, lnp.synapses(), steps, learningUj,
                c.synapticUpdatePj(), lnp.energyPerInferenceUj() + learningUj, lnp.energyPerInferenceUj(), lnp.cores(),
                learningLatencyMs, lnp.latencyPerInferenceMs(), lnp.latencyPerInferenceMs() + learningLatencyMs, ms,
                lnp.latencyPerInferenceMs() + learningLatencyMs <= ms ? "so learning keeps up with real time"
                        : "so learning at every step does not keep up with real time on this preset"));
        Table learning = Table.builder("On-chip learning budget (LNP network, per inference)").column("quantity")
                .column("value").column("unit")
                .row("learning updates", updates, "")
                .row("learning energy", learningUj, "uJ")
                .row("inference energy without learning", lnp.energyPerInferenceUj(), "uJ")
                .row("inference energy with learning", lnp.energyPerInferenceUj() + learningUj, "uJ")
                .row("added latency", learningLatencyMs, "ms")
                .build();
        sec.table(ctx.table(learning, "learning-budget"));
        double saving = 1 - lnp.energyPerInferenceUj() / dense.energyPerInferenceUj();
        ctx.report().keyFigure("energy per inference, dense -> LNP", String.format(Locale.ROOT, "%.3g -> %.3g uJ",
                dense.energyPerInferenceUj(), lnp.energyPerInferenceUj()), preset.name() + " preset");
        ctx.report().keyFigure("float vs fixed spike-count correlation (LNP)", lnp.rateCorrelation(), null);
        ctx.progress().update(1);
        return new Summary(preset.name(), DT_MS, ms, dense, lnp, saving, updates, learningUj, learningLatencyMs,
                lnp.energyPerInferenceUj() + learningUj);
    }

    private static Chip chip(String label, HardwarePipeline.Result r) {
        Budget b = r.budget();
        return new Chip(label, r.network().size, r.network().synapseCount(), b.coresUsed(), b.synapseBitsTotal(),
                r.floatSpikes().size(), r.emulated().spikes().size(), r.agreement().rateCorrelation(),
                r.agreement().vanRossum(), b.energyPerInferencePj() * 1e-6, b.latencyPerInferenceNs() * 1e-6,
                b.synapticEnergyPj() * 1e-6, b.neuronEnergyPj() * 1e-6, b.routingEnergyPj() * 1e-6);
    }

    private static double[] times(SpikeRaster r) {
        double[] t = new double[r.size()];
        for (int s = 0; s < r.steps; s++) {
            for (int k = r.stepStart[s]; k < r.stepStart[s + 1]; k++) {
                t[k] = s * DT_MS;
            }
        }
        return t;
    }

    private static int[] units(SpikeRaster r) {
        return java.util.Arrays.copyOf(r.unit, r.size());
    }
}
