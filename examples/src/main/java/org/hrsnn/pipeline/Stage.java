package org.hrsnn.pipeline;

/**
 * One step of the demo pipeline (simulate, prune, learn, map, export). A stage reads what earlier
 * stages left in the {@link DemoContext}, writes its files into the context's staging folder,
 * adds one section to the report and returns its part of summary.json.
 */
public interface Stage {
    /** Short name: the key of this stage's part in summary.json and the progress label. */
    String name();

    /** Relative share of the whole run's wall time, for the progress bar (any positive scale). */
    double weight();

    /** Runs the stage; returns its summary (a record serialised by Jackson). */
    Object run(DemoContext context) throws Exception;
}
