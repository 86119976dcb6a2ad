package org.hrsnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

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
