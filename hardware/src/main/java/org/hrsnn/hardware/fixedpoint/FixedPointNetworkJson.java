package org.hrsnn.hardware.fixedpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hrsnn.hardware.preset.NeuronFormat;
import org.hrsnn.hardware.preset.SynapseFormat;
import org.hrsnn.simulator.InvalidInputException;

/**
 * The fixed-point network as a self-contained JSON document that another program can run
 * (format "hrsnn-fixed-point-network", version 1; every field and the step rules are in docs/hardware.md):
 * <pre>
 * {
 *   "format": "hrsnn-fixed-point-network", "version": 1,
 *   "preset": "loihi1", "timeStepMs": 1.0,
 *   "neuronFormat":  {"stateBits": 24, "currentOverflow": "wrap", "decayMode": "multiply", "decayBits": 12,
 *                     "currentDecayOffset": 1, "activationShift": 6, "thresholdShift": 6, "thresholdBits": 17,
 *                     "biasMantissaBits": 13, "maxBiasExponent": 7, "maxRefractorySteps": 63},
 *   "synapseFormat": {"weightBits": 8, "minWeightBits": 1, "minWeightExponent": -8, "maxWeightExponent": 7,
 *                     "overheadBitsPerSynapse": 8, "maxDelaySteps": 62},
 *   "neurons": {"count": N, "du": [..], "dv": [..], "vth": [..], "biasMantissa": [..], "biasExponent": [..],
 *               "refractorySteps": [..], "initialV": [..], "prototype": [..], "core": [..]},
 *   "inputs": [{"name": "poisson", "channels": 20}],
 *   "projections": [{"name": "exc->inh", "source": -1 (recurrent) or the input group index,
 *                    "sourceCount": S, "weightExponent": e, "signMode": "mixed|excitatory|inhibitory",
 *                    "numWeightBits": b, "rowStart": [S+1 offsets], "target": [..], "weight": [..]}]
 * }
 * </pre>
 * Semantics: {@link org.hrsnn.hardware.emulator.BitExactEmulator} (per step: a_in from the
 * previous step's spikes, u, v, strict threshold, reset to 0). Files are written to a temporary
 * file and moved into place, so a failed write leaves no partial file.
 */
public final class FixedPointNetworkJson {
    public static final String FORMAT = "hrsnn-fixed-point-network";
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FixedPointNetworkJson() {
    }

    public static ObjectNode toJson(FixedPointNetwork net) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("preset", net.presetName);
        root.put("timeStepMs", net.timeStepMs);
        NeuronFormat f = net.neuronFormat;
        ObjectNode nf = root.putObject("neuronFormat");
        nf.put("stateBits", f.stateBits());
        nf.put("currentOverflow", f.currentOverflow().name().toLowerCase(Locale.ROOT));
        nf.put("decayMode", f.decayMode().name().toLowerCase(Locale.ROOT));
        nf.put("decayBits", f.decayBits());
        nf.put("currentDecayOffset", f.currentDecayOffset());
        nf.put("activationShift", f.activationShift());
        nf.put("thresholdShift", f.thresholdShift());
        nf.put("thresholdBits", f.thresholdBits());
        nf.put("biasMantissaBits", f.biasMantissaBits());
        nf.put("maxBiasExponent", f.maxBiasExponent());
        nf.put("maxRefractorySteps", f.maxRefractorySteps());
        SynapseFormat s = net.synapseFormat;
        ObjectNode sf = root.putObject("synapseFormat");
        sf.put("weightBits", s.weightBits());
        sf.put("minWeightBits", s.minWeightBits());
        sf.put("minWeightExponent", s.minWeightExponent());
        sf.put("maxWeightExponent", s.maxWeightExponent());
        sf.put("overheadBitsPerSynapse", s.overheadBitsPerSynapse());
        sf.put("maxDelaySteps", s.maxDelaySteps());
        ObjectNode neurons = root.putObject("neurons");
        neurons.put("count", net.size);
        ints(neurons, "du", net.du);
        ints(neurons, "dv", net.dv);
        ints(neurons, "vth", net.vth);
        ints(neurons, "biasMantissa", net.biasMantissa);
        ints(neurons, "biasExponent", net.biasExponent);
        ints(neurons, "refractorySteps", net.refractorySteps);
        ints(neurons, "initialV", net.initialV);
        ints(neurons, "prototype", net.prototype);
        ints(neurons, "core", net.core);
        ArrayNode inputs = root.putArray("inputs");
        for (FixedPointNetwork.InputSpec in : net.inputs) {
            inputs.addObject().put("name", in.name()).put("channels", in.channels());
        }
        ArrayNode projections = root.putArray("projections");
        for (FixedPointProjection p : net.projections) {
            ObjectNode o = projections.addObject();
            o.put("name", p.name());
            o.put("source", p.sourceGroup());
            o.put("sourceCount", p.sourceCount());
            o.put("weightExponent", p.weightExponent());
            o.put("signMode", p.signMode().name().toLowerCase(Locale.ROOT));
            o.put("numWeightBits", p.numWeightBits());
            ints(o, "rowStart", p.rowStart());
            ints(o, "target", p.target());
            ints(o, "weight", p.weight());
        }
        return root;
    }

    private static void ints(ObjectNode o, String name, int[] a) {
        ArrayNode arr = o.putArray(name);
        for (int x : a) {
            arr.add(x);
        }
    }

    /** Writes the network; the file appears complete or not at all. */
    public static void write(FixedPointNetwork net, Path file) throws IOException {
        ObjectNode json = toJson(net);
        writeAtomically(file, w -> MAPPER.writeValue(w, json));
    }

    /** What to write into a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer w) throws IOException;
    }

    /** Writes to a temporary file next to {@code file}, then moves it into place (atomically where supported). */
    public static void writeAtomically(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static FixedPointNetwork read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read fixed-point network " + file + ": " + e.getMessage(), e);
        }
        return fromJson(root);
    }

    public static FixedPointNetwork fromJson(JsonNode root) {
        if (root == null || !FORMAT.equals(text(root, "format"))) {
            throw new InvalidInputException("format", root == null ? null : root.path("format").asText(null), "'" + FORMAT + "'");
        }
        if (integer(root, "version") != VERSION) {
            throw new InvalidInputException("version", root.get("version").asText(), String.valueOf(VERSION));
        }
        JsonNode nf = object(root, "neuronFormat");
        NeuronFormat f = new NeuronFormat(integer(nf, "neuronFormat.stateBits", "stateBits"),
                choice(nf, "currentOverflow", NeuronFormat.Overflow.class), choice(nf, "decayMode", NeuronFormat.DecayMode.class),
                integer(nf, "neuronFormat.decayBits", "decayBits"), integer(nf, "neuronFormat.currentDecayOffset", "currentDecayOffset"),
                integer(nf, "neuronFormat.activationShift", "activationShift"),
                integer(nf, "neuronFormat.thresholdShift", "thresholdShift"),
                integer(nf, "neuronFormat.thresholdBits", "thresholdBits"),
                integer(nf, "neuronFormat.biasMantissaBits", "biasMantissaBits"),
                integer(nf, "neuronFormat.maxBiasExponent", "maxBiasExponent"),
                integer(nf, "neuronFormat.maxRefractorySteps", "maxRefractorySteps"));
        if (f.stateBits() < 8 || f.stateBits() > 31) {
            throw new InvalidInputException("neuronFormat.stateBits", f.stateBits(), "an integer in [8, 31]");
        }
        JsonNode sf = object(root, "synapseFormat");
        SynapseFormat s = new SynapseFormat(integer(sf, "synapseFormat.weightBits", "weightBits"),
                integer(sf, "synapseFormat.minWeightBits", "minWeightBits"),
                integer(sf, "synapseFormat.minWeightExponent", "minWeightExponent"),
                integer(sf, "synapseFormat.maxWeightExponent", "maxWeightExponent"),
                integer(sf, "synapseFormat.overheadBitsPerSynapse", "overheadBitsPerSynapse"),
                integer(sf, "synapseFormat.maxDelaySteps", "maxDelaySteps"));
        if (s.weightBits() < 1 || s.weightBits() > 16) {
            throw new InvalidInputException("synapseFormat.weightBits", s.weightBits(), "an integer in [1, 16]");
        }
        JsonNode neurons = object(root, "neurons");
        int n = integer(neurons, "neurons.count", "count");
        List<FixedPointNetwork.InputSpec> inputs = new ArrayList<>();
        JsonNode in = root.get("inputs");
        if (in == null || !in.isArray()) {
            throw new InvalidInputException("inputs", String.valueOf(in), "an array of {name, channels}");
        }
        for (int g = 0; g < in.size(); g++) {
            inputs.add(new FixedPointNetwork.InputSpec(text(in.get(g), "name"), integer(in.get(g), "inputs[" + g + "].channels", "channels")));
        }
        List<FixedPointProjection> projections = new ArrayList<>();
        JsonNode pr = root.get("projections");
        if (pr == null || !pr.isArray()) {
            throw new InvalidInputException("projections", String.valueOf(pr), "an array of projections");
        }
        for (int p = 0; p < pr.size(); p++) {
            JsonNode o = pr.get(p);
            String field = "projections[" + p + "]";
            projections.add(new FixedPointProjection(text(o, "name"), integer(o, field + ".source", "source"),
                    integer(o, field + ".sourceCount", "sourceCount"), array(o, field, "rowStart", -1),
                    array(o, field, "target", -1), array(o, field, "weight", -1),
                    integer(o, field + ".weightExponent", "weightExponent"), choice(o, "signMode", SignMode.class),
                    integer(o, field + ".numWeightBits", "numWeightBits")));
        }
        return new FixedPointNetwork(text(root, "preset"), f, s, number(root, "timeStepMs"),
                array(neurons, "neurons", "du", n), array(neurons, "neurons", "dv", n), array(neurons, "neurons", "vth", n),
                array(neurons, "neurons", "biasMantissa", n), array(neurons, "neurons", "biasExponent", n),
                array(neurons, "neurons", "refractorySteps", n), array(neurons, "neurons", "initialV", n),
                array(neurons, "neurons", "prototype", n), array(neurons, "neurons", "core", n), inputs, projections);
    }

    private static JsonNode object(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isObject()) {
            throw new InvalidInputException(field, String.valueOf(v), "an object");
        }
        return v;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new InvalidInputException(field, String.valueOf(v), "a string");
        }
        return v.asText();
    }

    private static double number(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isNumber()) {
            throw new InvalidInputException(field, String.valueOf(v), "a number");
        }
        return v.doubleValue();
    }

    private static int integer(JsonNode o, String field) {
        return integer(o, field, field);
    }

    private static int integer(JsonNode o, String path, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new InvalidInputException(path, String.valueOf(v), "an integer");
        }
        return v.intValue();
    }

    private static <E extends Enum<E>> E choice(JsonNode o, String field, Class<E> type) {
        String t = text(o, field);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(t)) {
                return e;
            }
        }
        throw new InvalidInputException(field, t, "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    }

    private static int[] array(JsonNode o, String prefix, String field, int length) {
        JsonNode v = o.get(field);
        if (v == null || !v.isArray() || (length >= 0 && v.size() != length)) {
            throw new InvalidInputException(prefix + "." + field, v == null ? "(missing)" : "array of " + v.size(),
                    length >= 0 ? "an array of " + length + " integers" : "an array of integers");
        }
        int[] a = new int[v.size()];
        for (int k = 0; k < a.length; k++) {
            JsonNode x = v.get(k);
            if (!x.isIntegralNumber() || !x.canConvertToInt()) {
                throw new InvalidInputException(prefix + "." + field + "[" + k + "]", x.toString(), "an integer");
            }
            a[k] = x.intValue();
        }
        return a;
    }

    /** Writes spikes as CSV lines "step,neuron" (header first), atomically. */
    public static void writeSpikes(SpikeRaster spikes, Path file) throws IOException {
        writeAtomically(file, w -> {
            w.write("step,neuron\n");
            for (int t = 0; t < spikes.steps; t++) {
                for (int k = spikes.stepStart[t]; k < spikes.stepStart[t + 1]; k++) {
                    w.write(t + "," + spikes.unit[k] + "\n");
                }
            }
        });
    }
}
