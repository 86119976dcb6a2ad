package org.hrsnn.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hrsnn bench}: the benchmark commands. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {CubaBench.class},
        description = "Benchmarks. 'hrsnn bench cuba --help' for the CUBA/CUBAhet benchmark.")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
