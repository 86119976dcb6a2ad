package org.hrsnn.learning.gradient;

import org.hrsnn.learning.model.RecurrentSpikingModel;

/** BPTT truncated to non-overlapping windows of {@code window} steps (the online variant of BPTT). */
public final class TruncatedBptt extends Bptt {
    public TruncatedBptt(RecurrentSpikingModel model, int window) {
        super(model, window, false);
    }
}
