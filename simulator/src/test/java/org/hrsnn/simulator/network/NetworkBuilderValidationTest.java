package org.hrsnn.simulator.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.connectivity.FixedInDegree;
import org.hrsnn.simulator.connectivity.FixedProbability;
import org.hrsnn.simulator.random.ParameterDistribution;
import org.junit.jupiter.api.Test;

import static org.hrsnn.simulator.random.ParameterDistribution.constant;

class NetworkBuilderValidationTest {

    private static InvalidInputException fails(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(InvalidInputException.class, e);
    }

    private static NetworkBuilder twoPopulations() {
        return new NetworkBuilder(1)
                .add(PopulationSpec.lif("exc", 8).excitatory())
                .add(PopulationSpec.lif("inh", 2).inhibitory());
    }

    @Test
    void thresholdNotAboveResetIsRejected() {
        for (double th : new double[] {-60, -65}) {
            InvalidInputException x = fails(() -> new NetworkBuilder(1)
                    .add(PopulationSpec.lif("p", 4).set(NeuronParameter.THRESHOLD, th)
                            .set(NeuronParameter.RESET_POTENTIAL, -60))
                    .build());
            assertTrue(x.field().contains("threshold"), x.field());
            assertTrue(x.field().contains("'p'"), x.field());
        }
    }

    @Test
    void nonPositiveTimeConstantIsRejected() {
        for (NeuronParameter p : new NeuronParameter[] {NeuronParameter.MEMBRANE_TAU,
                NeuronParameter.EXCITATORY_TAU, NeuronParameter.INHIBITORY_TAU}) {
            for (double tau : new double[] {0, -5}) {
                InvalidInputException x = fails(() -> new NetworkBuilder(1)
                        .add(PopulationSpec.lif("p", 3).set(p, tau)).build());
                assertTrue(x.field().endsWith(p.key()), x.field());
            }
        }
    }

    @Test
    void nanWeightIsRejected() {
        ParameterDistribution nan = new ParameterDistribution() {
            @Override
            public DoubleSupplier sampler(RandomGenerator rng) {
                return () -> Double.NaN;
            }

            @Override
            public String describe() {
                return "NaN";
            }

            @Override
            public double mean() {
                return Double.NaN;
            }
        };
        InvalidInputException x = fails(() -> twoPopulations()
                .connect("exc", "all", new FixedProbability(1.0), nan, constant(0)).build());
        assertTrue(x.field().endsWith(".weight"), x.field());
        assertEquals("constant.value", fails(() -> constant(Double.NaN)).field());
        InvalidInputException y = fails(() -> twoPopulations().connectExplicit("exc", "inh",
                new int[] {0, 1}, new int[] {0, 1}, new double[] {1, Double.NaN}, new double[] {0, 0}));
        assertEquals("explicit connection exc->inh.weight[1]", y.field());
    }

    @Test
    void probabilityOutsideZeroOneIsRejected() {
        for (double p : new double[] {-0.1, 1.5, Double.NaN}) {
            assertEquals("connectivity.probability", fails(() -> new FixedProbability(p)).field());
        }
    }

    @Test
    void unknownPopulationNameIsRejected() {
        InvalidInputException post = fails(() -> twoPopulations()
                .connect("exc", "nope", new FixedProbability(0.1), constant(1), constant(0)).build());
        assertEquals("connection[0].post", post.field());
        assertTrue(post.allowed().contains("exc") && post.allowed().contains("all"), post.allowed());
        InvalidInputException pre = fails(() -> twoPopulations()
                .connect("x", "all", new FixedProbability(0.1), constant(1), constant(0)).build());
        assertEquals("connection[0].pre", pre.field());
        InvalidInputException explicit = fails(() -> twoPopulations()
                .connectExplicit("exc", "zzz", new int[] {0}, new int[] {0}, new double[] {1}, new double[] {0}).build());
        assertEquals("connection[0].post", explicit.field());
    }

    @Test
    void duplicateOrReservedPopulationNamesAreRejected() {
        assertEquals("population.name", fails(() -> twoPopulations().add(PopulationSpec.lif("exc", 1))).field());
        assertEquals("population.name", fails(() -> new NetworkBuilder(1).add(PopulationSpec.lif("all", 1))).field());
        assertEquals("population 'p'.size", fails(() -> PopulationSpec.lif("p", 0)).field());
    }

    @Test
    void negativeDelayDistributionIsRejected() {
        InvalidInputException x = fails(() -> twoPopulations()
                .connect("exc", "all", new FixedProbability(1.0), constant(1), constant(-1)).build());
        assertTrue(x.field().endsWith(".delay"), x.field());
    }

    @Test
    void explicitEdgesAreValidatedNamingTheEntry() {
        int[] one = {0};
        double[] w = {1};
        double[] d = {0};
        assertEquals("explicit connection exc->inh.postLocal.length", fails(() -> twoPopulations()
                .connectExplicit("exc", "inh", new int[] {0, 1}, one, new double[] {1, 1}, new double[] {0, 0})).field());
        assertEquals("explicit connection exc->inh.delay.length", fails(() -> twoPopulations()
                .connectExplicit("exc", "inh", one, one, w, new double[0])).field());
        assertEquals("explicit connection exc->inh.delay[0]", fails(() -> twoPopulations()
                .connectExplicit("exc", "inh", one, one, w, new double[] {-0.5})).field());
        assertEquals("explicit connection exc->inh.preLocal[0]", fails(() -> twoPopulations()
                .connectExplicit("exc", "inh", new int[] {-1}, one, w, d)).field());
        // Index beyond the population is found at build, when sizes are known.
        assertEquals("explicit connection exc->inh.postLocal[0]", fails(() -> twoPopulations()
                .connectExplicit("exc", "inh", one, new int[] {2}, w, d).build()).field());
        // A negative weight from an excitatory population contradicts Dale's law.
        assertEquals("explicit connection exc->inh.weight[0]", fails(() -> twoPopulations()
                .connectExplicit("exc", "inh", one, one, new double[] {-1}, d).build()).field());
        assertEquals("explicit connection all->all.weight[0]", fails(() -> twoPopulations()
                .connectExplicit("all", "all", new int[] {9}, one, new double[] {1}, d).build()).field());
    }

    @Test
    void explicitEdgesLandInTheMatrixWithTheirWeightsAndDelays() {
        int[] pre = {1, 0, 1};
        int[] post = {0, 1, 1};
        double[] w = {-2.5, -1.0, -3.0};
        double[] d = {0.5, 1.0, 0.0};
        Network net = twoPopulations()
                .connectExplicit("inh", "exc", pre, post, w, d)
                .connectExplicit("exc", "all", new int[] {7}, new int[] {9}, new double[] {0.75}, new double[] {2})
                .build();
        pre[0] = 0; // the builder copied the arrays
        SynapseMatrix s = net.synapses();
        assertEquals(4, s.size());
        // inh neuron 0 is global 8: one synapse to exc 1; inh 1 (global 9) to exc 0 and exc 1.
        assertEquals(1, s.outDegree(8));
        assertEquals(2, s.outDegree(9));
        int k8 = s.rowStart[8];
        assertEquals(1, s.target[k8]);
        assertEquals(-1.0, s.weight[k8]);
        assertEquals(1.0, s.delay[k8]);
        int k9 = s.rowStart[9];
        assertArrayEquals(new int[] {0, 1}, new int[] {s.target[k9], s.target[k9 + 1]});
        assertArrayEquals(new double[] {-2.5, -3.0}, new double[] {s.weight[k9], s.weight[k9 + 1]});
        assertArrayEquals(new double[] {0.5, 0.0}, new double[] {s.delay[k9], s.delay[k9 + 1]});
        int k7 = s.rowStart[7];
        assertEquals(9, s.target[k7]);
        assertEquals(0.75, s.weight[k7]);
        assertEquals(2.0, s.delay[k7]);
    }

    @Test
    void fixedInDegreeThroughTheBuilderGivesExactInDegrees() {
        Network net = new NetworkBuilder(3)
                .add(PopulationSpec.lif("exc", 80).excitatory())
                .add(PopulationSpec.lif("inh", 20).inhibitory())
                .connect("exc", "all", new FixedInDegree(8, false), constant(1), constant(0))
                .connect("inh", "all", new FixedInDegree(2, false), constant(-4), constant(0))
                .build();
        for (int d : net.synapses().inDegrees()) {
            assertEquals(10, d);
        }
        assertEquals("connectivity.inDegree", fails(() -> new NetworkBuilder(3)
                .add(PopulationSpec.lif("exc", 5))
                .connect("exc", "exc", new FixedInDegree(5, false), constant(1), constant(0)).build()).field());
    }
}
