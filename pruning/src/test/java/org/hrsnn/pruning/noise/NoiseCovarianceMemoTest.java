package org.hrsnn.pruning.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.hrsnn.pruning.bench.LnpScalingBenchmark;
import org.hrsnn.simulator.network.Network;
import org.junit.jupiter.api.Test;

class NoiseCovarianceMemoTest {
    private static DMatrixRMaj fresh(Network net, double[] gain) {
        double leak = 0;
        for (double t : net.parameters().membraneTau) {
            leak += 1.0 / t; // the mean leak rate NoiseCovariance.of uses, summed in the same order
        }
        return NoiseCovariance.solve(Linearisation.jacobian(net, gain), Linearisation.noise(net), leak / net.size())
                .covariance();
    }

    @Test
    void repeatedCallsGiveTheFreshSolveAndIndependentCopies() {
        Network net = LnpScalingBenchmark.network(40, 0.2, 3);
        double[] gain = new double[net.size()];
        Arrays.fill(gain, 0.01);
        DMatrixRMaj first = NoiseCovariance.of(net, gain).covariance();
        first.set(0, 0, 1e9); // a caller scribbling on its copy must not change the next answer
        DMatrixRMaj second = NoiseCovariance.of(net, gain).covariance();
        assertNotSame(first, second);
        assertArrayEquals(fresh(net, gain).data, second.data, 0);
    }

    @Test
    void anotherGainIsSolvedAfresh() {
        Network net = LnpScalingBenchmark.network(40, 0.2, 3);
        double[] gain = new double[net.size()];
        Arrays.fill(gain, 0.01);
        NoiseCovariance.of(net, gain);
        gain[5] = 0.05;
        assertArrayEquals(fresh(net, gain).data, NoiseCovariance.of(net, gain).covariance().data, 0);
    }
}
