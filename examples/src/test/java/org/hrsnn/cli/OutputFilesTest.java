package org.hrsnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

    @Test
    void binarySpikeFileReadsBackExactly(@TempDir Path dir) throws IOException {
        int[] n = {3, 0, 7, 7};
        double[] t = {0.1, 0.30000000000000004, 1e-300, 999.999};
        Path f = dir.resolve("s.bin");
        SpikeFiles.writeBinary(f, n, t);
        assertEquals(8 + 4 + 8 + 12L * n.length, Files.size(f));
        Object[] back = SpikeFiles.readBinary(f);
        assertArrayEquals(n, (int[]) back[0]);
        assertArrayEquals(t, (double[]) back[1]);
        Path c = dir.resolve("s.csv");
        SpikeFiles.writeCsv(c, n, t);
        List<String> lines = Files.readAllLines(c);
        assertEquals(5, lines.size());
        for (int k = 0; k < n.length; k++) {
            String[] f2 = lines.get(k + 1).split(",");
            assertEquals(n[k], Integer.parseInt(f2[0]));
            assertEquals(t[k], Double.parseDouble(f2[1]), "CSV keeps every digit");
        }
    }

    @Test
    void rasterIsAPngOfTheRequestedSizeEvenWithoutSpikes(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("raster.png");
        RasterPlot.write(f, new int[] {0, 5, 9}, new double[] {1, 2, 3}, 8, 10, "test");
        BufferedImage img = ImageIO.read(f.toFile());
        assertEquals(1000, img.getWidth());
        assertEquals(600, img.getHeight());
        Path empty = dir.resolve("empty.png");
        RasterPlot.write(empty, new int[0], new double[0], -1, 10, "no spikes");
        assertTrue(Files.size(empty) > 0);
    }

    @Test
    void committedFilesAppearAndUncommittedOnesLeaveNothing(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("a/b");
        try (OutputFolder o = OutputFolder.open(target)) {
            Files.writeString(o.file("x.txt"), "hello");
            assertFalse(Files.exists(target.resolve("x.txt")), "not visible before commit");
            o.commit();
        }
        assertEquals("hello", Files.readString(target.resolve("x.txt")));
        try (Stream<Path> s = Files.list(target)) {
            assertEquals(1, s.count(), "staging folder removed");
        }
        Path other = dir.resolve("c");
        try (OutputFolder o = OutputFolder.open(other)) {
            Files.writeString(o.file("y.txt"), "half");
        }
        assertFalse(Files.exists(other), "a folder created by a failed run is removed");
    }
}
