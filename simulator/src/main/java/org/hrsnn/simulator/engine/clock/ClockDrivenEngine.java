package org.hrsnn.simulator.engine.clock;

import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.engine.Engine;
import org.hrsnn.simulator.engine.RunInputs;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.engine.SimulationResult;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.monitor.Monitor;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronParameters;

/**
 * Clock-driven simulation of the current-based LIF / ALIF network (MODELS.md section 1) on a
 * grid of step dt = {@code options.dtMs()}, with exact propagators for the linear sub-threshold
 * dynamics (Rotter and Diesmann 1999) and event-driven spike delivery through delay rings.
 *
 * <h2>Semantics of step n (from t_n = n dt to t_{n+1})</h2>
 * <ol>
 *   <li>The state at t_n (arrivals due at t_n included) is propagated exactly by dt: the only
 *       approximation is that spikes and arrivals live on the grid.</li>
 *   <li>The arrivals due at the boundary t_{n+1} are added to I_e (weight &gt; 0) or I_i
 *       (weight &lt; 0). They change only the currents, so they affect v from step n+1 on.</li>
 *   <li>Threshold: a neuron with v &gt; V_th + beta a (beta = 0 for LIF) spikes; the spike is
 *       stamped t_{n+1}, the end of the step in which v crossed. Then v = V_reset, a += 1
 *       (ALIF), and v is held at V_reset for the next R = round(t_ref / dt) steps, i.e. over
 *       [t_{n+1}, t_{n+1+R}] (R dt approximates t_ref to half a step); I_e, I_i and a keep
 *       evolving meanwhile.</li>
 * </ol>
 *
 * <h2>Delays</h2>
 * A recurrent synapse with delay d carries a spike stamped t_s to the boundary
 * t_s + D dt with D = round(d / dt) (halves round up). D = 0 (delay 0) lands on the spike's own
 * boundary: the jump is visible from the next step, as in Brian2 without a delay, so the
 * effective minimum latency of a spike's effect on v is one step. A delay 0 &lt; d &lt; dt has
 * no representation on the grid and is rejected ({@link InvalidInputException} naming
 * {@code synapse[k].delay}, k the CSR index). An external input spike at continuous time t
 * through a synapse with delay d lands on the boundary ceil((t + d) / dt) (a time within
 * rounding of a boundary counts as on it; at t + d = 0 it is part of the initial state).
 *
 * <h2>Current injections</h2>
 * A {@code CurrentInjection} [start, stop) is active in the steps starting at
 * ceil(start/dt) dt up to, excluding, the one starting at ceil(stop/dt) dt (exact for times on
 * the grid). At a switching step only the affected neurons' bias terms are recomputed.
 *
 * <h2>Result</h2>
 * Synaptic events count every synapse a spike (recurrent or external) is scheduled onto,
 * at the step of the spike, including the few whose arrival would fall after the end of the
 * run. The wall time covers the step loop only (set-up, input generation and thread start
 * excluded).
 *
 * <h2>Run length, monitors</h2>
 * The run has ceil(duration / dt) steps. {@link Monitor#onSpike} is called in time order,
 * within a step in increasing neuron index. A monitor with sample period P is sampled at t = 0
 * and then every max(1, round(P / dt)) steps, at the boundary, after that boundary's arrivals
 * (they appear in the currents of the view). {@link Monitor#onProgress} is called every
 * floor(10 ms / dt) steps (at most 10 ms apart) and at the end; then {@link Monitor#finish}.
 *
 * <h2>Threads</h2>
 * {@code options.threads()} workers (the calling thread is worker 0) each own a contiguous
 * range of neurons: propagation, threshold and delivery into their range's ring entries. Every
 * worker walks all of a step's spikes in neuron order, but only the synapse segment whose
 * targets lie in its range (rows are sorted by target), so every ring entry receives its
 * additions in the same order as with one thread: results are bit-identical for any count.
 * Workers meet at a spinning barrier once per step (plus around samples).
 *
 * <h2>Numerics</h2>
 * Double precision throughout. Every few hundred steps (the number of steps the fastest
 * decaying variable needs to go from 1e-300 to the smallest normal double), state values below
 * 1e-300 in magnitude are set to 0, because the JVM cannot flush subnormals and arithmetic on
 * them is slow.
 */
public final class ClockDrivenEngine implements Engine {
    public static final String NAME = "clock";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SimulationResult run(Network network, SimulationOptions options, Monitor... monitors) {
        double dt = options.dtMs();
        long steps = Grid.stepsFor(options.durationMs(), dt);
        if (steps >= Integer.MAX_VALUE) {
            throw new InvalidInputException("duration", options.durationMs(),
                    "fewer than " + Integer.MAX_VALUE + " steps of dt = " + dt + " ms");
        }
        NeuronParameters p = network.parameters();
        int n = p.size;
        int workers = Math.max(1, Math.min(options.threads(), n));
        int[] rangeStart = new int[workers + 1];
        for (int w = 0; w <= workers; w++) {
            rangeStart[w] = (int) ((long) n * w / workers);
        }
        Propagators prop = new Propagators(p, dt, network.hasAdaptation());
        RecurrentSynapses synapses = new RecurrentSynapses(network.synapses(), n, dt, rangeStart);
        SpikeTrains[] trains = RunInputs.generate(network, options);
        InputSchedule inputs = new InputSchedule(network.inputs(), trains, n, dt, steps, rangeStart);
        BiasSchedule bias = new BiasSchedule(p, prop, network.currents(), dt, steps);
        ClockRun run = new ClockRun(p, dt, (int) steps, workers, rangeStart, prop, synapses, inputs, bias,
                monitors.clone());
        for (Monitor m : monitors) {
            m.start(network, options);
        }
        run.initialise();

        double wall = workers == 1 ? runSingle(run) : runParallel(run, workers);

        double end = steps * dt;
        for (Monitor m : monitors) {
            m.onProgress(end);
            m.finish(end);
        }
        return new SimulationResult(NAME, n, options.durationMs(), run.spikes(), run.synapticEvents(),
                run.spikeCounts().clone(), wall);
    }

    private static double runSingle(ClockRun run) {
        long t0 = System.nanoTime();
        run.work(0);
        return (System.nanoTime() - t0) * 1e-9;
    }

    private static double runParallel(ClockRun run, int workers) {
        Thread[] threads = new Thread[workers - 1];
        Throwable[] failure = new Throwable[1];
        SpinBarrier start = new SpinBarrier(workers);
        for (int w = 1; w < workers; w++) {
            int id = w;
            threads[w - 1] = new Thread(() -> {
                try {
                    start.await();
                    run.work(id);
                } catch (Throwable e) {
                    synchronized (failure) {
                        if (failure[0] == null) {
                            failure[0] = e;
                        }
                    }
                    run.abort();
                }
            }, "clock-worker-" + w);
            threads[w - 1].setDaemon(true);
            threads[w - 1].start();
        }
        start.await();
        long t0 = System.nanoTime();
        Throwable own = null;
        try {
            run.work(0);
        } catch (RuntimeException | Error e) {
            own = e;
            run.abort();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.abort();
            }
        }
        double wall = (System.nanoTime() - t0) * 1e-9;
        Throwable cause;
        synchronized (failure) {
            // a worker's own failure explains the others' broken barriers
            cause = failure[0] != null && (own == null || own instanceof IllegalStateException) ? failure[0] : own;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error er) {
            throw er;
        }
        if (cause != null) {
            throw new IllegalStateException(cause);
        }
        return wall;
    }
}
