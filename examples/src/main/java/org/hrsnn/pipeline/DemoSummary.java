package org.hrsnn.pipeline;

import java.util.Map;

/**
 * summary.json: what was run and every stage's headline numbers (each stage's part is its own
 * record, keyed by stage name; the tables hold the full rows).
 *
 * @param command       "demo"
 * @param config        the configuration's name (embedded default or the user's file)
 * @param seed          seed of every random draw
 * @param quick         whether the quick sizes were used
 * @param neurons       neurons of the network
 * @param synapses      recurrent synapses of the network
 * @param stages        stage name -> that stage's summary
 * @param stageSeconds  stage name -> wall seconds
 * @param totalSeconds  wall seconds of the whole pipeline (report included)
 * @param outDir        the output folder
 * @param report        path of report.html
 * @param files         file name -> what it holds
 */
public record DemoSummary(String command, String config, long seed, boolean quick, int neurons, long synapses,
                          Map<String, Object> stages, Map<String, Double> stageSeconds, double totalSeconds,
                          String outDir, String report, Map<String, String> files) {
}
