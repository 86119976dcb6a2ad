package org.hrsnn.simulator.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.input.SpikeTrains;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SHD-layout and event-camera readers on small files of the same layouts (written by h5py:
 * src/test/resources/io/make_fixtures.py), and their errors on bad files.
 */
class SpikeInputReadersTest {
    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(SpikeInputReadersTest.class.getResource("/io/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] times(SpikeTrains s, int channel) {
        double[] out = new double[s.start[channel + 1] - s.start[channel]];
        System.arraycopy(s.times, s.start[channel], out, 0, out.length);
        return out;
    }

    @Test
    void shdLayoutGivesPerSampleTrainsInMsAndLabels() {
        ShdReader r = ShdReader.read(resource("shd_small.h5"));
        assertEquals(3, r.samples());
        assertEquals(700, r.channels());
        assertArrayEquals(new int[] {4, 7, 19}, new int[] {r.label(0), r.label(1), r.label(2)});
        // sample 0: unit 3 at 0.0125 s and 0.5 s, unit 699 at 0.25 s; stored as float16, whose
        // relative resolution is 2^-11 (0.5 and 0.25 are exact in binary, 0.0125 is not)
        SpikeTrains s = r.trains(0);
        assertEquals(700, s.channels);
        assertEquals(12.5, times(s, 3)[0], 12.5 * Math.pow(2, -11));
        assertEquals(500.0, times(s, 3)[1], 0.0);
        assertArrayEquals(new double[] {250.0}, times(s, 699), 0.0);
        assertEquals(3, s.size());
        // sample 2: times stored out of order across units stay with their unit
        SpikeTrains s2 = r.trains(2);
        assertArrayEquals(new double[] {750.0}, times(s2, 10), 0.0);
        assertArrayEquals(new double[] {62.5}, times(s2, 11), 0.0);
        assertEquals(1, r.source(1).generate(200.0, null).size());
        assertEquals(0, r.source(1).generate(100.0, null).size(), "a run shorter than the spike sees none");
    }

    @Test
    void shdUnitBeyondChannelsIsNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ShdReader.read(resource("shd_small.h5"), 100));
        assertTrue(e.getMessage().contains("spikes/units") && e.getMessage().contains("sample 0"), e.getMessage());
    }

    @Test
    void shdMissingDatasetIsNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ShdReader.read(resource("events_small.h5")));
        assertTrue(e.getMessage().contains("events_small.h5") && e.getMessage().contains("'spikes/times'"), e.getMessage());
    }

    @Test
    void shdTimesThatAreNotPerSampleArraysAreNamed() throws Exception {
        Path f = dir.resolve("flat.h5");
        try (io.jhdf.WritableHdfFile h = io.jhdf.HdfFile.write(f)) {
            io.jhdf.api.WritableGroup g = h.putGroup("spikes");
            g.putDataset("times", new double[] {0.1, 0.2});
            g.putDataset("units", new int[] {1, 2});
            h.putDataset("labels", new int[] {0, 1});
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ShdReader.read(f));
        assertTrue(e.getMessage().contains("spikes/times") && e.getMessage().contains("variable-length"), e.getMessage());
    }

    @Test
    void notHdf5IsNamed() throws IOException {
        Path f = dir.resolve("x.h5");
        Files.writeString(f, "a,b\n1,2\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ShdReader.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("HDF5"), e.getMessage());
    }

    @Test
    void eventCameraCompoundAndArrayLayoutsAgree() {
        EventCameraReader.Layout layout = new EventCameraReader.Layout(4, 3, 1e-6, true);
        SpikeTrains a = EventCameraReader.read(resource("events_small.h5"), "events", layout);
        SpikeTrains b = EventCameraReader.read(resource("events_small.h5"), "xytp", layout);
        assertEquals(24, a.channels);
        assertArrayEquals(a.start, b.start);
        assertArrayEquals(a.times, b.times, 0.0);
        // events (x, y, t us, p): (0,0,100,1) (3,1,250,0) (1,2,250,1) (3,1,4000,1); times relative to 100 us
        assertArrayEquals(new double[] {0.0}, times(a, 2 * 0 + 1), 1e-12);
        assertArrayEquals(new double[] {0.15}, times(a, 2 * (1 * 4 + 3)), 1e-12);
        assertArrayEquals(new double[] {3.9}, times(a, 2 * (1 * 4 + 3) + 1), 1e-12);
        assertArrayEquals(new double[] {0.15}, times(a, 2 * (2 * 4 + 1) + 1), 1e-12);
        assertEquals(4, a.size());
    }

    @Test
    void eventCameraWithoutPolaritySplitMergesOnAndOff() {
        EventCameraReader.Layout layout = new EventCameraReader.Layout(4, 3, 1e-6, false);
        SpikeTrains a = EventCameraReader.read(resource("events_small.h5"), "events", layout);
        assertEquals(12, a.channels);
        assertArrayEquals(new double[] {0.15, 3.9}, times(a, 1 * 4 + 3), 1e-12);
    }

    @Test
    void eventOutsideTheSensorIsNamed() {
        EventCameraReader.Layout small = new EventCameraReader.Layout(2, 3, 1e-6, true);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> EventCameraReader.read(resource("events_small.h5"), "events", small));
        assertTrue(e.getMessage().contains("'events'") && e.getMessage().contains("x[1]"), e.getMessage());
    }

    @Test
    void eventArrayOfWrongShapeIsNamed() {
        EventCameraReader.Layout layout = new EventCameraReader.Layout(4, 3, 1e-6, true);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> EventCameraReader.read(resource("shd_small.h5"), "labels", layout));
        assertTrue(e.getMessage().contains("'labels'") && e.getMessage().contains("(N, 4)"), e.getMessage());
    }
}
