package org.hrsnn.hardware.preset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hrsnn.simulator.InvalidInputException;

/**
 * Reads hardware presets from YAML: the built-in ones ({@link #BUILT_IN}, stored under
 * {@code org/hrsnn/hardware/presets/}) or a user file. Every field is required unless said
 * otherwise, unknown fields are rejected (typos would otherwise be ignored silently), and each
 * value is range-checked; errors name the field as a dotted path.
 *
 * <pre>
 * name: loihi1
 * description: ...
 * refractoryDefault: false
 * neuron:   {stateBits, currentOverflow: wrap|saturate, decayMode: multiply|shift, decayBits,
 *            currentDecayOffset, activationShift, thresholdShift, thresholdBits,
 *            biasMantissaBits, maxBiasExponent, maxRefractorySteps}
 * synapse:  {weightBits, minWeightBits, minWeightExponent, maxWeightExponent,
 *            overheadBitsPerSynapse, maxDelaySteps}
 * limits:   {cores, coresPerTile, meshColumns, neuronsPerCore, synapticMemoryBitsPerCore,
 *            inputAxonsPerCore, outputAxonsPerCore, prototypesPerCore, externalInputs}
 * costs:    (optional) {synapticOpPj, synapticUpdatePj, neuronUpdateActivePj, ...}  see OperationCosts
 * onChipLearning: (optional) {traceBits 2..32, weightBits 2..32, accumulatorBits 2..32 (>= traceBits),
 *            maxEpochSteps >= 1, stochasticRounding}  see OnChipLearning
 * </pre>
 */
public final class HardwarePresets {
    /** Names of the presets shipped with hrsnn. */
    public static final List<String> BUILT_IN = List.of("loihi1", "xylo", "custom");

    private HardwarePresets() {
    }

    /** A built-in preset by name, or a YAML file path. */
    public static HardwarePreset load(String nameOrPath) {
        String key = nameOrPath.toLowerCase(Locale.ROOT);
        if (BUILT_IN.contains(key)) {
            String resource = "/org/hrsnn/hardware/presets/" + key + ".yaml";
            try (InputStream in = HardwarePresets.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), resource);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + resource, e);
            }
        }
        Path path = Path.of(nameOrPath);
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("preset", nameOrPath, "one of " + BUILT_IN + " or a readable YAML file");
        }
        try {
            return parse(Files.readString(path), path.toString());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read preset file " + path + ": " + e.getMessage(), e);
        }
    }

    public static HardwarePreset loihi1() {
        return load("loihi1");
    }

    public static HardwarePreset xylo() {
        return load("xylo");
    }

    /** Parses preset YAML text; {@code origin} is used in error messages. */
    public static HardwarePreset parse(String yaml, String origin) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new InvalidInputException("preset " + origin + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("preset", origin, "a YAML mapping with name, neuron, synapse, limits");
        }
        Fields top = new Fields(root, "", Set.of("name", "description", "refractoryDefault", "neuron", "synapse",
                "limits", "costs", "onChipLearning"));
        String name = top.string("name");
        String description = top.optionalString("description", "");
        boolean refractoryDefault = top.bool("refractoryDefault");

        Fields n = top.section("neuron", Set.of("stateBits", "currentOverflow", "decayMode", "decayBits",
                "currentDecayOffset", "activationShift", "thresholdShift", "thresholdBits", "biasMantissaBits",
                "maxBiasExponent", "maxRefractorySteps"));
        int stateBits = n.integer("stateBits", 8, 31);
        NeuronFormat.Overflow overflow = n.choice("currentOverflow", NeuronFormat.Overflow.class);
        NeuronFormat.DecayMode decayMode = n.choice("decayMode", NeuronFormat.DecayMode.class);
        int decayBits = decayMode == NeuronFormat.DecayMode.MULTIPLY
                ? n.integer("decayBits", 1, 16) : n.integer("decayBits", 0, stateBits - 1);
        NeuronFormat neuron = new NeuronFormat(stateBits, overflow, decayMode, decayBits,
                n.integer("currentDecayOffset", 0, 1),
                n.integer("activationShift", 0, stateBits - 1),
                n.integer("thresholdShift", 0, stateBits - 1),
                n.integer("thresholdBits", 1, stateBits - 1),
                n.integer("biasMantissaBits", 2, stateBits),
                n.integer("maxBiasExponent", 0, stateBits - 2),
                n.integer("maxRefractorySteps", 0, 1 << 16));
        if (neuron.thresholdBits() + neuron.thresholdShift() > stateBits) {
            throw new InvalidInputException("neuron.thresholdBits", neuron.thresholdBits(),
                    "thresholdBits + thresholdShift <= stateBits (" + stateBits + ")");
        }

        Fields s = top.section("synapse", Set.of("weightBits", "minWeightBits", "minWeightExponent",
                "maxWeightExponent", "overheadBitsPerSynapse", "maxDelaySteps"));
        int weightBits = s.integer("weightBits", 2, 16);
        int minWeightExp = s.integer("minWeightExponent", -16, 16);
        SynapseFormat synapse = new SynapseFormat(weightBits, s.integer("minWeightBits", 1, weightBits),
                minWeightExp, s.integer("maxWeightExponent", minWeightExp, 16),
                s.integer("overheadBitsPerSynapse", 0, 64), s.integer("maxDelaySteps", 1, 1 << 16));

        Fields l = top.section("limits", Set.of("cores", "coresPerTile", "meshColumns", "neuronsPerCore",
                "synapticMemoryBitsPerCore", "inputAxonsPerCore", "outputAxonsPerCore", "prototypesPerCore",
                "externalInputs"));
        int cores = l.integer("cores", 1, 1 << 20);
        CoreLimits limits = new CoreLimits(cores, l.integer("coresPerTile", 1, cores), l.integer("meshColumns", 1, cores),
                l.integer("neuronsPerCore", 1, 1 << 24), l.longInteger("synapticMemoryBitsPerCore", 1, Long.MAX_VALUE),
                l.integer("inputAxonsPerCore", 1, Integer.MAX_VALUE), l.integer("outputAxonsPerCore", 1, Integer.MAX_VALUE),
                l.integer("prototypesPerCore", 1, Integer.MAX_VALUE), l.integer("externalInputs", 0, Integer.MAX_VALUE));

        OperationCosts costs = null;
        if (root.has("costs") && !root.get("costs").isNull()) {
            Fields c = top.section("costs", Set.of("synapticOpPj", "synapticUpdatePj", "neuronUpdateActivePj",
                    "neuronUpdateInactivePj", "spikeWithinTilePj", "hopEastWestPj", "hopNorthSouthPj", "synapticOpNs",
                    "synapticUpdateNs", "neuronUpdateActiveNs", "neuronUpdateInactiveNs", "spikeWithinTileNs",
                    "hopEastWestNs", "hopNorthSouthNs", "barrierNs", "barrierPerHopNs"));
            costs = new OperationCosts(c.cost("synapticOpPj"), c.cost("synapticUpdatePj"), c.cost("neuronUpdateActivePj"),
                    c.cost("neuronUpdateInactivePj"), c.cost("spikeWithinTilePj"), c.cost("hopEastWestPj"),
                    c.cost("hopNorthSouthPj"), c.cost("synapticOpNs"), c.cost("synapticUpdateNs"),
                    c.cost("neuronUpdateActiveNs"), c.cost("neuronUpdateInactiveNs"), c.cost("spikeWithinTileNs"),
                    c.cost("hopEastWestNs"), c.cost("hopNorthSouthNs"), c.cost("barrierNs"),
                    c.has("barrierPerHopNs") ? c.cost("barrierPerHopNs") : 0);
        }
        OnChipLearning learning = null;
        if (root.has("onChipLearning") && !root.get("onChipLearning").isNull()) {
            Fields o = top.section("onChipLearning", Set.of("traceBits", "weightBits", "accumulatorBits",
                    "maxEpochSteps", "stochasticRounding"));
            int traceBits = o.integer("traceBits", 2, 32);
            learning = new OnChipLearning(traceBits, o.integer("weightBits", 2, 32),
                    o.integer("accumulatorBits", traceBits, 32), o.integer("maxEpochSteps", 1, 1 << 20),
                    o.bool("stochasticRounding"));
        }
        return new HardwarePreset(name, description, neuron, synapse, limits, refractoryDefault, costs, learning);
    }

    /** Strict access to one YAML mapping: required fields, ranges, no unknown keys. */
    private static final class Fields {
        private final JsonNode node;
        private final String prefix;

        Fields(JsonNode node, String prefix, Set<String> known) {
            this.node = node;
            this.prefix = prefix;
            List<String> unknown = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!known.contains(f)) {
                    unknown.add(f);
                }
            }
            if (!unknown.isEmpty()) {
                throw new InvalidInputException(prefix + unknown.get(0), "(unknown field)", "one of " + known);
            }
        }

        /** Whether an optional field is given (present and not null). */
        boolean has(String field) {
            JsonNode v = node.get(field);
            return v != null && !v.isNull();
        }

        private JsonNode required(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                throw new InvalidInputException(prefix + field, "(missing)", "a value (the field is required)");
            }
            return v;
        }

        Fields section(String field, Set<String> known) {
            JsonNode v = required(field);
            if (!v.isObject()) {
                throw new InvalidInputException(prefix + field, v.toString(), "a mapping");
            }
            return new Fields(v, prefix + field + ".", known);
        }

        String string(String field) {
            JsonNode v = required(field);
            if (!v.isTextual() || v.asText().isBlank()) {
                throw new InvalidInputException(prefix + field, v.toString(), "a non-empty string");
            }
            return v.asText();
        }

        String optionalString(String field, String fallback) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? fallback : v.asText();
        }

        boolean bool(String field) {
            JsonNode v = required(field);
            if (!v.isBoolean()) {
                throw new InvalidInputException(prefix + field, v.toString(), "true or false");
            }
            return v.booleanValue();
        }

        int integer(String field, int lo, int hi) {
            return (int) longInteger(field, lo, hi);
        }

        long longInteger(String field, long lo, long hi) {
            JsonNode v = required(field);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < lo || v.longValue() > hi) {
                throw new InvalidInputException(prefix + field, v.toString(), "an integer in [" + lo + ", " + hi + "]");
            }
            return v.longValue();
        }

        double cost(String field) {
            JsonNode v = required(field);
            if (!v.isNumber() || !(v.doubleValue() >= 0) || Double.isInfinite(v.doubleValue())) {
                throw new InvalidInputException(prefix + field, v.toString(), "a finite number >= 0");
            }
            return v.doubleValue();
        }

        <E extends Enum<E>> E choice(String field, Class<E> type) {
            JsonNode v = required(field);
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                names.add(e.name().toLowerCase(Locale.ROOT));
                if (v.isTextual() && e.name().equalsIgnoreCase(v.asText())) {
                    return e;
                }
            }
            throw new InvalidInputException(prefix + field, v.toString(), "one of " + names);
        }
    }
}
