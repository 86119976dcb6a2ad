package org.hrsnn.hardware.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrsnn.hardware.TestNetworks;
import org.hrsnn.hardware.compare.WeightBitsSweep;
import org.hrsnn.hardware.emulator.BitExactEmulator;
import org.hrsnn.hardware.mapping.CoreMapper;
import org.hrsnn.hardware.preset.HardwarePresets;
import org.hrsnn.hardware.quantise.Quantiser;
import org.hrsnn.hardware.quantise.QuantiserOptions;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixedPointNetworkJsonTest {
    @TempDir
    Path dir;

    private static FixedPointNetwork mapped(Network net) {
        var preset = HardwarePresets.loihi1();
        FixedPointNetwork q = new Quantiser().quantise(net, preset, QuantiserOptions.defaults(1.0)).network();
        return new CoreMapper().map(q, preset, null).network();
    }

    @Test
    void roundTripKeepsEveryValueAndTheSpikes() throws IOException {
        Network net = TestNetworks.heterogeneous(40, 10, 3, 0.5, -2.0);
        FixedPointNetwork a = mapped(net);
        Path file = dir.resolve("net.json");
        FixedPointNetworkJson.write(a, file);
        FixedPointNetwork b = FixedPointNetworkJson.read(file);
        assertArrayEquals(a.du, b.du);
        assertArrayEquals(a.dv, b.dv);
        assertArrayEquals(a.vth, b.vth);
        assertArrayEquals(a.biasMantissa, b.biasMantissa);
        assertArrayEquals(a.biasExponent, b.biasExponent);
        assertArrayEquals(a.initialV, b.initialV);
        assertArrayEquals(a.core, b.core);
        assertEquals(a.projections.size(), b.projections.size());
        for (int p = 0; p < a.projections.size(); p++) {
            assertArrayEquals(a.projections.get(p).weight(), b.projections.get(p).weight());
            assertEquals(a.projections.get(p).weightExponent(), b.projections.get(p).weightExponent());
            assertEquals(a.projections.get(p).signMode(), b.projections.get(p).signMode());
        }
        assertEquals(a.neuronFormat, b.neuronFormat);
        SpikeRaster[] in = WeightBitsSweep.inputs(net, 1.0, 500, 500, 4);
        SpikeRaster sa = new BitExactEmulator().run(a, in, 500).spikes();
        SpikeRaster sb = new BitExactEmulator().run(b, in, 500).spikes();
        assertArrayEquals(sa.unit, sb.unit);
        assertArrayEquals(sa.stepStart, sb.stepStart);
        assertTrue(sa.size() > 0);

        Path spikes = dir.resolve("spikes.csv");
        FixedPointNetworkJson.writeSpikes(sa, spikes);
        assertEquals(sa.size() + 1, Files.readAllLines(spikes).size());
    }

    @Test
    void badValuesInTheFileAreNamed() {
        FixedPointNetwork a = mapped(TestNetworks.heterogeneous(20, 5, 3, 0.5, -2.0));
        ObjectNode json = FixedPointNetworkJson.toJson(a);
        ((ArrayNode) json.get("neurons").get("du")).set(3, 5000);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FixedPointNetworkJson.fromJson(json));
        assertEquals("du[3]", e.field());
        ObjectNode json2 = FixedPointNetworkJson.toJson(a);
        ObjectNode proj = (ObjectNode) json2.get("projections").get(0);
        proj.put("signMode", "excitatory");
        ((ArrayNode) proj.get("weight")).set(0, -3);
        e = assertThrows(InvalidInputException.class, () -> FixedPointNetworkJson.fromJson(json2));
        assertTrue(e.field().endsWith(".weight[0]"), e.field());
    }

    @Test
    void aFailedWriteLeavesNoFile() {
        Path file = dir.resolve("out.json");
        assertThrows(IOException.class, () -> FixedPointNetworkJson.writeAtomically(file, w -> {
            w.write("{\"partial\": ");
            throw new IOException("disk full");
        }));
        assertFalse(Files.exists(file));
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "no temporary file left behind");
        } catch (IOException ex) {
            throw new AssertionError(ex);
        }
    }
}
