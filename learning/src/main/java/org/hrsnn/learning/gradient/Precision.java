package org.hrsnn.learning.gradient;

/** Storage precision of a rule's traces: DOUBLE for gradient checks, FLOAT for speed (half the memory traffic). */
public enum Precision {
    DOUBLE,
    FLOAT
}
