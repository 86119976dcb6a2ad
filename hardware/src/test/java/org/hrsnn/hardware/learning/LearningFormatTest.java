package org.hrsnn.hardware.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hrsnn.hardware.preset.HardwarePresets;
import org.hrsnn.simulator.InvalidInputException;
import org.junit.jupiter.api.Test;

class LearningFormatTest {

    @Test
    void loihiWidthsAndScalings() {
        LearningFormat f = LearningFormat.of(HardwarePresets.loihi1());
        assertEquals(7, f.traceBits());
        assertEquals(9, f.weightBits());
        assertEquals(16, f.accumulatorBits());
        assertEquals(63, f.epochSteps());
        assertEquals(3, f.traceFractionBits()); // 7 bits: sign + 3 integer + 3 fraction (range +-8)
        assertEquals(2, f.ebarFractionBits());
        assertEquals(12, f.accumulatorFractionBits());
    }

    @Test
    void limitsNameTheField() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LearningFormat.of(HardwarePresets.loihi1()).withEpochSteps(64).checkedAgainst(HardwarePresets.loihi1()));
        assertEquals("epochSteps", e.field());
        e = assertThrows(InvalidInputException.class, () -> LearningFormat.of(HardwarePresets.xylo()));
        assertEquals("preset 'xylo'.onChipLearning", e.field());
        e = assertThrows(InvalidInputException.class, () -> new LearningFormat(4, 8, 16, 1, true, 12));
        assertEquals("traceBits", e.field());
    }

    /** eps_a's range: the other traces' by default, its own when asked, kept across width changes, bounded by the width. */
    @Test
    void adaptationTraceRange() {
        LearningFormat f = LearningFormat.of(HardwarePresets.loihi1());
        assertEquals(f.traceFractionBits(), f.adaptationFractionBits());
        LearningFormat wide = f.withTraceBits(16).withAdaptationHeadroomBits(7);
        assertEquals(8, wide.adaptationFractionBits()); // 16 bits: sign + 7 integer + 8 fraction (range +-128)
        assertEquals(12, wide.traceFractionBits());
        assertEquals(7, wide.withAccumulatorBits(24).adaptationHeadroomBits());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> f.withAdaptationHeadroomBits(7));
        assertEquals("adaptationHeadroomBits", e.field());
        e = assertThrows(InvalidInputException.class, () -> wide.withTraceBits(7));
        assertEquals("adaptationHeadroomBits", e.field());
    }
}
