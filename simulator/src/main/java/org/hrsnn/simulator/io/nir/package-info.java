/**
 * NIR (Neuromorphic Intermediate Representation) export and import: {@link
 * org.hrsnn.simulator.io.nir.NirExporter} writes a network in the on-disk layout of the NIR
 * reference package (HDF5, datasets only, SI units), {@link org.hrsnn.simulator.io.nir.NirImporter}
 * reads NIR graphs of Input, Affine/Linear, Delay, CubaLIF, LIF with LI synapse nodes and
 * LI/CubaLI readouts. The mapping, the unit conversion and what NIR cannot hold (refractory
 * period, adaptation, initial state, current injections) are documented in {@code docs/nir.md}
 * and written into each file's {@code metadata/hrsnn/not_representable}.
 */
package org.hrsnn.simulator.io.nir;
