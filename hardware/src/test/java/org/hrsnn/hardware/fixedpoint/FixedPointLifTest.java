package org.hrsnn.hardware.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hrsnn.hardware.preset.HardwarePresets;
import org.junit.jupiter.api.Test;

/** The documented corners of the Loihi integer arithmetic (MODELS.md section 5). */
class FixedPointLifTest {
    private static final int TWO23 = 1 << 23;
    private final FixedPointLif loihi = new FixedPointLif(HardwarePresets.loihi1().neuron());

    @Test
    void duZeroStillDecaysBecauseOfTheOffset() {
        assertEquals(4095, loihi.current(4096, 0, 0)); // 4096 * 4095 / 4096
        assertEquals(0, loihi.current(1, 0, 0));       // 4095/4096 truncated
        assertEquals(-4095, loihi.current(-4096, 0, 0));
        assertEquals(0, loihi.current(-1, 0, 0));      // toward zero, not -1
        // dv = 0 on the other hand does not decay v
        assertEquals(4096, loihi.decayVoltage(4096, 0));
    }

    @Test
    void du4095ClearsTheCurrent() {
        assertEquals(0, loihi.decayCurrent(1_000_000, 4095));
        assertEquals(0, loihi.decayCurrent(-1_000_000, 4095));
    }

    @Test
    void negativeValuesRoundTowardZero() {
        // -5 * 2048 / 4096 = -2.5: toward zero gives -2, flooring would give -3
        assertEquals(-2, FixedPointLif.multiplyDecay(-5, 2048, 12));
        assertEquals(2, FixedPointLif.multiplyDecay(5, 2048, 12));
        // v decays symmetrically: -x decays to exactly minus what x decays to
        for (int x = 1; x < 5000; x += 37) {
            for (int dv = 0; dv < 4096; dv += 511) {
                assertEquals(-loihi.decayVoltage(x, dv), loihi.decayVoltage(-x, dv));
            }
        }
        // shift decay (Xylo-like): -5 - trunc0(-5 / 2) = -3
        assertEquals(-3, FixedPointLif.shiftDecay(-5, 1));
        assertEquals(3, FixedPointLif.shiftDecay(5, 1));
        assertEquals(0, FixedPointLif.shiftDecay(-77, 0));
    }

    @Test
    void wrapCornersAtPlusAndMinusTwoTo23() {
        assertEquals(TWO23, FixedPointLif.wrap24(TWO23));              // "above 2^23" is strict
        assertEquals(-TWO23 + 1, FixedPointLif.wrap24(TWO23 + 1L));
        assertEquals(TWO23, FixedPointLif.wrap24(-TWO23));            // "<= -2^23" gets 2^24 added
        assertEquals(-TWO23 + 1, FixedPointLif.wrap24(-TWO23 + 1L));
        assertEquals(0, FixedPointLif.wrap24(1L << 24));
        // through the current update: du = 4095 clears the old u, a_in << 6 lands on the corner
        assertEquals(TWO23, loihi.current(0, 4095, 1 << 17));          // exactly +2^23 stays
        assertEquals(-TWO23 + 64, loihi.current(0, 4095, (1 << 17) + 1));
        assertEquals(TWO23, loihi.current(0, 4095, -(1 << 17)));       // exactly -2^23 wraps
        assertEquals(-TWO23 + 64, loihi.current(0, 4095, -(1 << 17) + 1));
    }

    @Test
    void wrapAgreesWithSingleSubtractionInsideItsRange() {
        for (long x = -3L * TWO23 + 1; x <= 3L * TWO23; x += 12_345) {
            long lava = x > TWO23 ? x - 2L * TWO23 : x;
            lava = lava <= -TWO23 ? x + 2L * TWO23 : lava;
            assertEquals(lava, FixedPointLif.wrap24(x), "x = " + x);
        }
    }

    @Test
    void voltageSaturatesSymmetrically() {
        assertEquals(TWO23 - 1, loihi.voltage(TWO23 - 2, 0, 100, 0));
        assertEquals(-(TWO23 - 1), loihi.voltage(-(TWO23 - 2), 0, -100, 0));
        assertEquals(TWO23 - 1, loihi.voltage(TWO23 - 1, 0, TWO23, 4095 << 7));
        assertEquals(-(TWO23 - 1), FixedPointLif.sat24(-TWO23));
    }

    @Test
    void biasThresholdAndWeightExponent() {
        assertEquals(12, FixedPointLif.bias(3, 2));
        assertEquals(-12, FixedPointLif.bias(-3, 2));
        assertEquals(100 << 6, loihi.threshold(100));
        assertEquals(20, FixedPointLif.applyWeightExponent(5, 2));
        assertEquals(-2, FixedPointLif.applyWeightExponent(-3, -1)); // arithmetic right shift floors
        assertEquals(1, FixedPointLif.applyWeightExponent(3, -1));
    }

    @Test
    void signModeRangesAndTruncation() {
        assertEquals(-256, SignMode.MIXED.minWeight(8));
        assertEquals(255, SignMode.MIXED.maxWeight(8));
        assertEquals(0, SignMode.EXCITATORY.minWeight(8));
        assertEquals(-255, SignMode.INHIBITORY.minWeight(8));
        // mixed keeps 8 bits of a 9-bit signed value: k = 1
        assertEquals(254, SignMode.MIXED.truncate(255, 8, 8));
        assertEquals(-256, SignMode.MIXED.truncate(-255, 8, 8));
        assertEquals(255, SignMode.EXCITATORY.truncate(255, 8, 8));
        assertEquals(252, SignMode.EXCITATORY.truncate(255, 8, 6));
        assertEquals(-254, SignMode.INHIBITORY.truncate(-255, 8, 7));
        assertEquals(128, SignMode.EXCITATORY.truncate(255, 8, 1));
        assertEquals(-128, SignMode.MIXED.truncate(-1, 8, 2));
    }
}
