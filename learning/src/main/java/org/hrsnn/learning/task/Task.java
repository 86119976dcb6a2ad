package org.hrsnn.learning.task;

import org.apache.commons.math3.random.RandomGenerator;

/** A generated learning task (no downloads): draws trials from a random generator. */
public interface Task {
    String name();

    int inputs();

    int outputs();

    /** True: softmax cross-entropy over decision windows; false: mean squared error. */
    boolean classification();

    Sequence sample(RandomGenerator g);
}
