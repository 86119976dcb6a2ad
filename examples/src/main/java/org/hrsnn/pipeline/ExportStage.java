package org.hrsnn.pipeline;

import java.nio.file.Path;
import java.util.Locale;
import org.hrsnn.report.HtmlReport;
import org.hrsnn.report.Table;
import org.hrsnn.simulator.io.nir.NirExporter;
import org.hrsnn.simulator.io.nir.NirImporter;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * Stage 5: writes the LNP-pruned network as a NIR graph (HDF5, the reference package's layout;
 * see docs/nir.md) and reads it back to check that neurons and synapses survived the trip.
 */
public final class ExportStage implements Stage {
    public static final String NIR_FILE = "network-lnp.nir";
    /** Delays are rounded to this grid (ms) before export: NIR needs one weight node per distinct delay. */
    static final double DELAY_STEP_MS = 1.0;

    /**
     * @param file             the NIR file's name in the output folder
     * @param delayStepMs      grid the delays were rounded to, ms
     * @param neurons          neurons written
     * @param synapses         synapses written
     * @param readBackNeurons  neurons after reading the file back
     * @param readBackSynapses synapses after reading the file back
     * @param bytes            file size
     */
    public record Summary(String file, double delayStepMs, int neurons, long synapses, int readBackNeurons, long readBackSynapses,
                          long bytes) {
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public double weight() {
        return 1;
    }

    @Override
    public Object run(DemoContext ctx) throws Exception {
        Network net = roundedDelays(ctx.lnpPruned.network(), DELAY_STEP_MS);
        Path file = ctx.file(NIR_FILE, "the LNP-pruned network as a NIR graph (HDF5)");
        NirExporter.write(net, file);
        Network back = NirImporter.read(file).network();
        long bytes = java.nio.file.Files.size(file);
        HtmlReport.Section sec = ctx.report().section("Export to NIR");
        sec.paragraph(String.format(Locale.ROOT, "The LNP-pruned network (density %.2f) was written to %s (%d bytes, "
                        + "NIR graph in HDF5; delays rounded to %.1f ms, since NIR holds one weight node per distinct delay) and read back: %d neurons and %d synapses written, %d and %d read.",
                ctx.lnpDensity, NIR_FILE, bytes, DELAY_STEP_MS, net.size(), net.synapses().size(), back.size(),
                back.synapses().size()));
        sec.table(ctx.table(Table.builder("NIR export").column("quantity").column("written").column("read back")
                .row("neurons", net.size(), back.size())
                .row("synapses", net.synapses().size(), back.synapses().size())
                .build(), "nir-export"));
        ctx.progress().update(1);
        return new Summary(NIR_FILE, DELAY_STEP_MS, net.size(), net.synapses().size(), back.size(), back.synapses().size(), bytes);
    }

    /**
     * The network with every synaptic delay rounded to a multiple of {@code stepMs} (NIR holds one
     * weight node per distinct delay, so continuous delays must be put on a grid before export).
     */
    public static Network roundedDelays(Network net, double stepMs) {
        SynapseMatrix s = net.synapses();
        double[] d = new double[s.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = Math.round(s.delay[k] / stepMs) * stepMs;
        }
        return net.withSynapses(SynapseMatrix.fromEdges(s.sources, s.targets, s.sourceIndices(), s.target, s.weight, d,
                s.size()));
    }
}
