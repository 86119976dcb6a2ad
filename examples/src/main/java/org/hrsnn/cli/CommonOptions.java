package org.hrsnn.cli;

import picocli.CommandLine.Option;

/** Options every command accepts. */
public final class CommonOptions {
    @Option(names = "--json", description = "Print one JSON object (bench: one per run, a line each) on stdout instead of text.")
    boolean json;

    @Option(names = "--quiet", description = "No progress bar and no text summary (files are still written).")
    boolean quiet;

    @Option(names = "--debug", description = "On an unexpected error, print the stack trace.")
    boolean debug;
}
