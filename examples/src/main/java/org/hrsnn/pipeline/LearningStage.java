package org.hrsnn.pipeline;

import java.util.Locale;

/**
 * Stage 3: online learning on evidence accumulation. This build has no learning module
 * (org.hrsnn.learning) yet, so the stage says so in the report and in summary.json and
 * produces no numbers.
 */
public final class LearningStage implements Stage {

    /** @param available false in this build; @param note why */
    public record Summary(boolean available, String note) {
    }

    @Override
    public String name() {
        return "learning";
    }

    @Override
    public double weight() {
        return 1;
    }

    @Override
    public Object run(DemoContext ctx) {
        String note = "not available in this build: the learning module (org.hrsnn.learning) is not part of it";
        ctx.report().section("Online learning (SnAp-1, SnAp-2, e-prop, BPTT)")
                .paragraph(String.format(Locale.ROOT, "Online learning on evidence accumulation is %s.", note));
        ctx.progress().update(1);
        return new Summary(false, note);
    }
}
