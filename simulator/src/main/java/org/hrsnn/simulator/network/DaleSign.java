package org.hrsnn.simulator.network;

/** The sign every outgoing weight of a population must have (Dale's law), or MIXED for none. */
public enum DaleSign {
    EXCITATORY, INHIBITORY, MIXED;

    /** Applies the sign to a drawn magnitude-or-value: EXCITATORY gives |w|, INHIBITORY -|w|. */
    public double apply(double w) {
        switch (this) {
            case EXCITATORY:
                return Math.abs(w);
            case INHIBITORY:
                return -Math.abs(w);
            default:
                return w;
        }
    }
}
