package org.hrsnn.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.hrsnn.simulator.InvalidInputException;

/**
 * Writes a command's artefacts into a folder all or nothing: files are written into a hidden
 * staging folder next to the target's files and moved into place only by {@link #commit}; if the
 * command fails, {@link #close} removes the staging folder (and the target folder when this run
 * created it and it is still empty), so a failed run leaves nothing half-written behind.
 */
final class OutputFolder implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private final boolean createdTarget;
    private final List<String> files = new ArrayList<>();
    private boolean committed;

    private OutputFolder(Path target, Path staging, boolean createdTarget) {
        this.target = target;
        this.staging = staging;
        this.createdTarget = createdTarget;
    }

    static OutputFolder open(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new InvalidInputException("--out", dir.toString(), "a folder (that path is a file)");
        }
        boolean created = !Files.exists(target);
        try {
            Files.createDirectories(target);
            Path staging = Files.createTempDirectory(target, ".hrsnn-tmp-");
            return new OutputFolder(target, staging, created);
        } catch (IOException e) {
            throw new InvalidInputException("--out", dir.toString(), "a folder that can be created and written ("
                    + e.getMessage() + ")");
        }
    }

    /** Where to write the file {@code name} before commit. */
    Path file(String name) {
        files.add(name);
        return staging.resolve(name);
    }

    Path target() {
        return target;
    }

    /** The final path of {@code name} after commit. */
    Path finalPath(String name) {
        return target.resolve(name);
    }

    /** Moves every staged file into the target folder (atomically where the file system can). */
    void commit() {
        try {
            for (String name : files) {
                Path from = staging.resolve(name);
                if (!Files.exists(from)) {
                    continue;
                }
                try {
                    Files.move(from, target.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(from, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move results into " + target, e);
        }
        committed = true;
    }

    @Override
    public void close() {
        deleteTree(staging);
        if (!committed && createdTarget) {
            try (Stream<Path> s = Files.list(target)) {
                if (s.findAny().isEmpty()) {
                    Files.deleteIfExists(target);
                }
            } catch (IOException ignored) {
                // leave an empty folder rather than fail the error path
            }
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(q -> {
                try {
                    Files.deleteIfExists(q);
                } catch (IOException ignored) {
                    // best effort on the cleanup path
                }
            });
        } catch (IOException ignored) {
            // best effort on the cleanup path
        }
    }
}
