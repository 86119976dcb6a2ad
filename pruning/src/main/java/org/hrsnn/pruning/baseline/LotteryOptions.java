package org.hrsnn.pruning.baseline;

import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;

/**
 * Settings of {@link LotteryTicketPruning}. The defaults bound its cost (at most 5 trainings of
 * 50 iterations on 300-step sequences; see docs/pruning.md for the measured cost).
 *
 * @param pruneFractionPerRound fraction of the surviving synapses removed per round (Frankle and
 *                              Carbin: 0.2), raised to 1 - d^(1 / maxRounds) when needed so that
 *                              the target density d is reached within {@code maxRounds}
 * @param maxRounds             most pruning rounds
 * @param iterationsPerRound    Adam updates per training (one trial each)
 * @param sequenceSteps         model steps per trial (1 ms each, one Lorenz sample per step)
 * @param washoutSteps          leading steps of a trial without loss
 * @param seriesLength          samples of the Lorenz series the trials are cut from
 * @param learningRate          Adam learning rate
 * @param inputScale            scale of the initial input weights (1: N(0, vth^2))
 * @param retrainFinal          train the rewound final ticket once more (true), or return the
 *                              ticket with its initial (rewound) weights
 */
public record LotteryOptions(double pruneFractionPerRound, int maxRounds, int iterationsPerRound, int sequenceSteps,
                             int washoutSteps, int seriesLength, double learningRate, double inputScale,
                             boolean retrainFinal) {
    public static final LotteryOptions DEFAULT = new LotteryOptions(0.2, 4, 50, 300, 50, 4000, 2e-3, 0.3, true);

    public LotteryOptions {
        Check.inRange("lottery.pruneFractionPerRound", pruneFractionPerRound, Double.MIN_VALUE, 0.99);
        Check.positive("lottery.maxRounds", maxRounds);
        Check.nonNegative("lottery.iterationsPerRound", iterationsPerRound);
        Check.positive("lottery.sequenceSteps", sequenceSteps);
        Check.nonNegative("lottery.washoutSteps", washoutSteps);
        if (washoutSteps >= sequenceSteps) {
            throw new InvalidInputException("lottery.washoutSteps", washoutSteps,
                    "fewer than lottery.sequenceSteps = " + sequenceSteps);
        }
        if (seriesLength < sequenceSteps + 2) {
            throw new InvalidInputException("lottery.seriesLength", seriesLength,
                    "at least sequenceSteps + 2 = " + (sequenceSteps + 2));
        }
        Check.positive("lottery.learningRate", learningRate);
        Check.positive("lottery.inputScale", inputScale);
    }

    public LotteryOptions withRetrainFinal(boolean retrain) {
        return new LotteryOptions(pruneFractionPerRound, maxRounds, iterationsPerRound, sequenceSteps, washoutSteps,
                seriesLength, learningRate, inputScale, retrain);
    }

    public LotteryOptions withIterations(int iterations) {
        return new LotteryOptions(pruneFractionPerRound, maxRounds, iterations, sequenceSteps, washoutSteps,
                seriesLength, learningRate, inputScale, retrainFinal);
    }
}
