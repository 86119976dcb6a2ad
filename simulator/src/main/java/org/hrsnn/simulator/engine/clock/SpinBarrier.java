package org.hrsnn.simulator.engine.clock;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reusable barrier for a few workers that meet once per time step: spins briefly (steps are
 * microseconds long), then yields so an oversubscribed machine is not starved. A failing worker
 * breaks it so the others stop instead of waiting forever.
 */
final class SpinBarrier {
    private static final int SPINS_BEFORE_YIELD = 2000;

    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;
    private volatile boolean broken;

    SpinBarrier(int parties) {
        this.parties = parties;
    }

    void await() {
        int g = generation;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0); // reset before releasing, so early arrivals at the next barrier count from 0
            generation = g + 1;
            return;
        }
        int spins = 0;
        while (generation == g) {
            if (broken) {
                throw new IllegalStateException("another worker of the clock engine failed");
            }
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    void breakBarrier() {
        broken = true;
    }
}
