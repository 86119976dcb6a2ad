package org.hrsnn.pruning.lyapunov;

import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;

/**
 * Settings of the rate surrogate of a LIF network ({@link LifSurrogateDynamics}).
 *
 * @param stepMs        time step of the discrete map, ms
 * @param widthFraction width Delta V of the sigmoid surrogate as a fraction of V_th - V_reset
 * @param widthFraction (SIEGERT: the same width is a floor on the voltage noise, so the rate
 *                      stays smooth without drive)
 * @param drive         how the network's spiking input groups (e.g. its Poisson drive) enter
 *                      the surrogate ({@link ExternalDrive})
 * @param transfer      the rate function
 */
public record SurrogateOptions(double stepMs, double widthFraction, Drive drive, Transfer transfer) {
    /** The rate function r(v) of the free membrane potential v. */
    public enum Transfer {
        /** rMax sigmoid((v - V_th) / DeltaV), rMax = 1 / max(t_ref, h) (the first version). */
        SIGMOID,
        /** The LIF rate under Gaussian noise (Siegert; {@link SiegertTransfer}). */
        SIEGERT
    }

    /** How the input groups of the network enter the surrogate. */
    public enum Drive {
        /** Left out: the surrogate of the recurrent network alone (the first version). */
        NONE,
        /** Their mean current. */
        MEAN,
        /** Their mean current, and their shot-noise voltage variance widening the rate function. */
        MEAN_AND_NOISE
    }

    public static final SurrogateOptions DEFAULT = new SurrogateOptions(1.0, 0.25, Drive.MEAN_AND_NOISE, Transfer.SIEGERT);
    /** The first surrogate: no input groups, sigmoid rate (what the evaluation used before the drive was added). */
    public static final SurrogateOptions UNDRIVEN = new SurrogateOptions(1.0, 0.25, Drive.NONE, Transfer.SIGMOID);

    public SurrogateOptions {
        Check.positive("surrogate.stepMs", stepMs);
        Check.positive("surrogate.widthFraction", widthFraction);
        if (drive == null) {
            throw new InvalidInputException("surrogate.drive", null, "one of NONE, MEAN, MEAN_AND_NOISE");
        }
        if (transfer == null) {
            throw new InvalidInputException("surrogate.transfer", null, "one of SIGMOID, SIEGERT");
        }
    }

    /** Step and width, with the drive (mean and noise) of the network's input groups and the Siegert rate. */
    public SurrogateOptions(double stepMs, double widthFraction) {
        this(stepMs, widthFraction, Drive.MEAN_AND_NOISE, Transfer.SIEGERT);
    }

    public SurrogateOptions withDrive(Drive d) {
        return new SurrogateOptions(stepMs, widthFraction, d, transfer);
    }

    public SurrogateOptions withTransfer(Transfer t) {
        return new SurrogateOptions(stepMs, widthFraction, drive, t);
    }
}
