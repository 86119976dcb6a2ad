package org.hrsnn.hardware.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.hrsnn.simulator.InvalidInputException;
import org.junit.jupiter.api.Test;

class HardwarePresetsTest {

    @Test
    void builtInPresetsLoadWithTheirDocumentedLimits() {
        HardwarePreset loihi = HardwarePresets.loihi1();
        assertEquals(24, loihi.neuron().stateBits());
        assertEquals(4095, loihi.neuron().maxDecay());
        assertEquals((1 << 17) - 1, loihi.neuron().maxThreshold());
        assertEquals(-4096, loihi.neuron().minBiasMantissa());
        assertEquals(128, loihi.limits().cores());
        assertEquals(1024, loihi.limits().neuronsPerCore());
        assertEquals(128L * 1024 * 8, loihi.limits().synapticMemoryBitsPerCore());
        assertFalse(loihi.refractoryDefault());
        assertEquals(23.6, loihi.costs().synapticOpPj());

        HardwarePreset xylo = HardwarePresets.xylo();
        assertEquals(16, xylo.neuron().stateBits());
        assertEquals(NeuronFormat.Overflow.SATURATE, xylo.neuron().currentOverflow());
        assertEquals(NeuronFormat.DecayMode.SHIFT, xylo.neuron().decayMode());
        assertEquals(16, xylo.limits().externalInputs());
        assertEquals(1000, xylo.limits().neuronsPerCore());
        assertNull(xylo.costs());

        assertEquals("custom", HardwarePresets.load("custom").name());
    }

    private static String loihiText() throws IOException {
        try (InputStream in = HardwarePresets.class.getResourceAsStream("/org/hrsnn/hardware/presets/loihi1.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void badValuesAreRejectedNamingTheField() throws IOException {
        String text = loihiText();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> HardwarePresets.parse(text.replace("neuronsPerCore: 1024", "neuronsPerCore: 0"), "t"));
        assertEquals("limits.neuronsPerCore", e.field());
        e = assertThrows(InvalidInputException.class,
                () -> HardwarePresets.parse(text.replace("decayMode: multiply", "decayMode: linear"), "t"));
        assertEquals("neuron.decayMode", e.field());
        e = assertThrows(InvalidInputException.class,
                () -> HardwarePresets.parse(text.replace("  stateBits: 24", "  stateBitz: 24"), "t"));
        assertEquals("neuron.stateBitz", e.field());
        e = assertThrows(InvalidInputException.class,
                () -> HardwarePresets.parse(text.replace("  synapticOpPj: 23.6\n", ""), "t"));
        assertEquals("costs.synapticOpPj", e.field());
        e = assertThrows(InvalidInputException.class,
                () -> HardwarePresets.parse(text.replace("hopNorthSouthPj: 4.0", "hopNorthSouthPj: -4.0"), "t"));
        assertEquals("costs.hopNorthSouthPj", e.field());
        e = assertThrows(InvalidInputException.class, () -> HardwarePresets.load("no-such-chip"));
        assertEquals("preset", e.field());
        assertThrows(InvalidInputException.class, () -> HardwarePresets.parse("name: [unclosed", "t"));
    }

    @Test
    void costsAreOptional() throws IOException {
        String text = loihiText();
        String noCosts = text.substring(0, text.indexOf("\ncosts:") + 1);
        HardwarePreset p = HardwarePresets.parse(noCosts, "t");
        assertTrue(p.operationCosts().isEmpty());
    }

    @Test
    void onChipLearningSectionIsReadAndValidated() throws IOException {
        OnChipLearning l = HardwarePresets.loihi1().onChipLearning();
        assertEquals(new OnChipLearning(7, 9, 16, 63, true), l);
        assertTrue(HardwarePresets.xylo().learning().isEmpty());
        assertEquals(12, HardwarePresets.load("custom").onChipLearning().traceBits());
        String text = loihiText();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> HardwarePresets.parse(text.replace("traceBits: 7", "traceBits: 1"), "t"));
        assertEquals("onChipLearning.traceBits", e.field());
        e = assertThrows(InvalidInputException.class,
                () -> HardwarePresets.parse(text.replace("accumulatorBits: 16", "accumulatorBits: 6"), "t"));
        assertEquals("onChipLearning.accumulatorBits", e.field());
        e = assertThrows(InvalidInputException.class,
                () -> HardwarePresets.parse(text.replace("maxEpochSteps: 63", "maxEpochSteps: 0"), "t"));
        assertEquals("onChipLearning.maxEpochSteps", e.field());
        e = assertThrows(InvalidInputException.class,
                () -> HardwarePresets.parse(text.replace("stochasticRounding: true", "stochasticRounding: maybe"), "t"));
        assertEquals("onChipLearning.stochasticRounding", e.field());
        e = assertThrows(InvalidInputException.class,
                () -> HardwarePresets.parse(text.replace("  traceBits: 7", "  traceBitz: 7"), "t"));
        assertEquals("onChipLearning.traceBitz", e.field());
    }
}
