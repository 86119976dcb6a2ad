package org.hrsnn.hardware.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hrsnn.hardware.fixedpoint.FixedPointNetwork;
import org.hrsnn.hardware.fixedpoint.FixedPointProjection;
import org.hrsnn.hardware.fixedpoint.SignMode;
import org.hrsnn.hardware.fixedpoint.SpikeRaster;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.hardware.preset.HardwarePresets;
import org.junit.jupiter.api.Test;

class BitExactEmulatorTest {
    private static final HardwarePreset LOIHI = HardwarePresets.loihi1();

    /** n unconnected neurons with the given per-neuron values and no inputs. */
    private static FixedPointNetwork neurons(int[] du, int[] dv, int[] vth, int[] biasMant, int[] biasExp, int[] ref) {
        int n = du.length;
        return new FixedPointNetwork("test", LOIHI.neuron(), LOIHI.synapse(), 1.0, du, dv, vth, biasMant, biasExp, ref,
                new int[n], new int[n], filled(n, FixedPointNetwork.UNMAPPED), List.of(), List.of());
    }

    private static int[] filled(int n, int x) {
        int[] a = new int[n];
        Arrays.fill(a, x);
        return a;
    }

    @Test
    void thresholdIsStrictAndResetIsToZero() {
        // bias 64 per step, dv = 0 (no leak), vth = 3 -> threshold 192: v = 64, 128, 192 (no spike), 256 spike
        FixedPointNetwork net = neurons(new int[] {0}, new int[] {0}, new int[] {3}, new int[] {64}, new int[] {0}, new int[] {0});
        List<int[]> v = new ArrayList<>();
        EmulatorResult r = new BitExactEmulator().run(net, new SpikeRaster[0], 8, (t, uu, vv) -> v.add(vv.clone()));
        assertEquals(192, v.get(2)[0]);
        assertFalse(r.spikes().dense()[2][0]);
        assertTrue(r.spikes().dense()[3][0]);
        assertEquals(0, v.get(3)[0]);
        assertEquals(64, v.get(4)[0]);
        assertArrayEquals(new int[] {3, 7}, spikeSteps(r, 0)); // 4 steps to climb from 0 past 192
    }

    private static int[] spikeSteps(EmulatorResult r, int neuron) {
        boolean[][] d = r.spikes().dense();
        return java.util.stream.IntStream.range(0, d.length).filter(t -> d[t][neuron]).toArray();
    }

    @Test
    void refractoryCountHoldsVoltageAtZero() {
        // bias large enough to spike every step without refractoriness
        int[] bias = {4095, 4095};
        FixedPointNetwork net = neurons(new int[2], new int[2], new int[] {1, 1}, bias, new int[] {7, 7}, new int[] {0, 3});
        List<int[]> v = new ArrayList<>();
        EmulatorResult r = new BitExactEmulator().run(net, new SpikeRaster[0], 12, (t, uu, vv) -> v.add(vv.clone()));
        assertEquals(12, spikeSteps(r, 0).length);
        assertArrayEquals(new int[] {0, 4, 8}, spikeSteps(r, 1));
        for (int t = 1; t <= 3; t++) {
            assertEquals(0, v.get(t)[1], "held at 0 in step " + t);
        }
    }

    @Test
    void synapsesTakeOneStepAndUIsNotReset() {
        // input channel 0 spikes in step 2 -> u of neuron 0 becomes nonzero in step 3, not before
        int n = 1;
        FixedPointProjection in = new FixedPointProjection("in", 0, 1, new int[] {0, 1}, new int[] {0}, new int[] {100},
                0, SignMode.EXCITATORY, 8);
        FixedPointNetwork net = new FixedPointNetwork("test", LOIHI.neuron(), LOIHI.synapse(), 1.0, new int[] {0},
                new int[] {4095}, new int[] {10}, new int[n], new int[n], new int[n], new int[n], new int[n],
                filled(n, -1), List.of(new FixedPointNetwork.InputSpec("in", 1)), List.of(in));
        boolean[][] d = new boolean[6][1];
        d[2][0] = true;
        List<int[]> u = new ArrayList<>();
        EmulatorResult r = new BitExactEmulator().run(net, new SpikeRaster[] {SpikeRaster.fromDense(d, 1)}, 6,
                (t, uu, vv) -> u.add(uu.clone()));
        assertEquals(0, u.get(2)[0]);
        assertEquals(100 << 6, u.get(3)[0]);
        assertTrue(r.spikes().dense()[3][0]); // v = u = 6400 > 640, spikes; u keeps decaying, not reset
        assertEquals((100 << 6) * 4095 / 4096, u.get(4)[0]);
        assertEquals(1, r.synapticOps());
    }

    /**
     * A random small recurrent network run by the emulator and by a plain implementation of the
     * same equations written independently here (dense weight matrix, Java's truncating
     * division, Math.floorDiv for negative exponents, wrap by repeated subtraction): states and
     * spikes must agree in every step.
     */
    @Test
    void agreesBitForBitWithAStraightforwardImplementation() {
        for (long seed = 1; seed <= 5; seed++) {
            Random rng = new Random(seed);
            int n = 30;
            int channels = 5;
            int steps = 400;
            int[] du = new int[n];
            int[] dv = new int[n];
            int[] vth = new int[n];
            int[] bm = new int[n];
            int[] be = new int[n];
            int[] ref = new int[n];
            int[] v0 = new int[n];
            for (int i = 0; i < n; i++) {
                du[i] = rng.nextInt(4096);
                dv[i] = rng.nextInt(4096);
                vth[i] = 1 + rng.nextInt(4000);
                bm[i] = rng.nextInt(8192) - 4096;
                be[i] = rng.nextInt(4);
                ref[i] = rng.nextInt(3) == 0 ? rng.nextInt(4) : 0;
                v0[i] = rng.nextInt(100_000) - 50_000;
            }
            // dense weights per projection: two recurrent (mixed, inhibitory) + one input projection
            int[][] wRecA = randomDense(rng, n, n, SignMode.MIXED, 0.3);
            int[][] wRecB = randomDense(rng, n, n, SignMode.INHIBITORY, 0.2);
            int[][] wIn = randomDense(rng, channels, n, SignMode.EXCITATORY, 0.5);
            int expA = rng.nextInt(5) - 2;
            int expB = -1 - rng.nextInt(3);
            int expIn = rng.nextInt(4);
            int bitsA = 3 + rng.nextInt(6);
            List<FixedPointProjection> projections = List.of(
                    csr("recA", -1, wRecA, expA, SignMode.MIXED, bitsA),
                    csr("recB", -1, wRecB, expB, SignMode.INHIBITORY, 8),
                    csr("in", 0, wIn, expIn, SignMode.EXCITATORY, 7));
            FixedPointNetwork net = new FixedPointNetwork("test", LOIHI.neuron(), LOIHI.synapse(), 1.0, du, dv, vth, bm, be,
                    ref, v0, new int[n], filled(n, -1), List.of(new FixedPointNetwork.InputSpec("in", channels)), projections);
            boolean[][] input = new boolean[steps][channels];
            for (int t = 0; t < steps; t++) {
                for (int c = 0; c < channels; c++) {
                    input[t][c] = rng.nextDouble() < 0.2;
                }
            }
            List<int[]> us = new ArrayList<>();
            List<int[]> vs = new ArrayList<>();
            EmulatorResult r = new BitExactEmulator().run(net, new SpikeRaster[] {SpikeRaster.fromDense(input, channels)},
                    steps, (t, uu, vv) -> {
                        us.add(uu.clone());
                        vs.add(vv.clone());
                    });
            boolean[][] got = r.spikes().dense();

            // the independent version
            long[] u = new long[n];
            long[] v = new long[n];
            int[] count = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = v0[i];
            }
            boolean[] prev = new boolean[n];
            int totalSpikes = 0;
            for (int t = 0; t < steps; t++) {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) {
                    long sa = 0;
                    long sb = 0;
                    long si = 0;
                    for (int j = 0; j < n; j++) {
                        if (prev[j]) {
                            sa += truncRef(wRecA[j][i], 8, bitsA, true);
                            sb += truncRef(wRecB[j][i], 8, 8, false);
                        }
                    }
                    if (t > 0) {
                        for (int c = 0; c < channels; c++) {
                            if (input[t - 1][c]) {
                                si += truncRef(wIn[c][i], 8, 7, false);
                            }
                        }
                    }
                    a[i] = shiftRef(sa, expA) + shiftRef(sb, expB) + shiftRef(si, expIn);
                }
                boolean[] now = new boolean[n];
                for (int i = 0; i < n; i++) {
                    long x = u[i] * (4096 - (du[i] + 1)) / 4096 + a[i] * 64; // Java '/' truncates toward zero
                    while (x > (1L << 23)) {
                        x -= 1L << 24;
                    }
                    while (x <= -(1L << 23)) {
                        x += 1L << 24;
                    }
                    u[i] = x;
                    if (count[i] > 0) {
                        count[i]--;
                        v[i] = 0;
                    } else {
                        long y = v[i] * (4096 - dv[i]) / 4096 + u[i] + (long) bm[i] * (1L << be[i]);
                        y = Math.max(-(1L << 23) + 1, Math.min((1L << 23) - 1, y));
                        if (y > (long) vth[i] * 64) {
                            now[i] = true;
                            y = 0;
                            count[i] = ref[i];
                            totalSpikes++;
                        }
                        v[i] = y;
                    }
                    assertEquals(u[i], us.get(t)[i], "u seed " + seed + " step " + t + " neuron " + i);
                    assertEquals(v[i], vs.get(t)[i], "v seed " + seed + " step " + t + " neuron " + i);
                    assertEquals(now[i], got[t][i], "spike seed " + seed + " step " + t + " neuron " + i);
                }
                prev = now;
            }
            assertTrue(totalSpikes > 50 && totalSpikes < n * steps, "a test with some but not constant spiking: " + totalSpikes);
        }
    }

    private static long truncRef(int w, int bits, int keep, boolean mixed) {
        int k = bits - keep + (mixed ? 1 : 0);
        if (mixed) {
            return Math.floorDiv(w, 1 << k) * (long) (1 << k);
        }
        return (long) Integer.signum(w) * (Math.abs(w) / (1 << k)) * (1 << k);
    }

    private static long shiftRef(long sum, int e) {
        return e >= 0 ? sum * (1L << e) : Math.floorDiv(sum, 1L << -e);
    }

    private static int[][] randomDense(Random rng, int rows, int cols, SignMode mode, double p) {
        int[][] w = new int[rows][cols];
        int lo = mode.minWeight(8);
        int hi = mode.maxWeight(8);
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < cols; i++) {
                if (rng.nextDouble() < p) {
                    w[j][i] = lo + rng.nextInt(hi - lo + 1);
                }
            }
        }
        return w;
    }

    private static FixedPointProjection csr(String name, int group, int[][] dense, int exp, SignMode mode, int bits) {
        int rows = dense.length;
        int cols = dense[0].length;
        int[] rowStart = new int[rows + 1];
        List<Integer> t = new ArrayList<>();
        List<Integer> w = new ArrayList<>();
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < cols; i++) {
                if (dense[j][i] != 0) {
                    t.add(i);
                    w.add(dense[j][i]);
                }
            }
            rowStart[j + 1] = t.size();
        }
        return new FixedPointProjection(name, group, rows, rowStart, t.stream().mapToInt(Integer::intValue).toArray(),
                w.stream().mapToInt(Integer::intValue).toArray(), exp, mode, bits);
    }
}
