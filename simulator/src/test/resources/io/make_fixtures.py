"""Writes the small HDF5 fixtures the hrsnn io tests read (run with python3 + h5py + numpy).

The files are committed, so the default test suite needs no Python. Each mimics the layout of a
format hrsnn reads, written the way that format's own tools write it:

nir_reference_cubalif.nir  the layout of nir.write (NIR reference package, 1.0.x): variable-length
                           UTF-8 strings, gzip-compressed arrays, datasets only, empty metadata
                           groups skipped, parameters in the unit-free style other tools export.
shd_small.h5               the Spiking Heidelberg Digits layout: spikes/times and spikes/units as
                           variable-length float16 / uint16 arrays (one per sample), labels uint8.
events_small.h5            event-camera data: a compound (x, y, t, p) dataset 'events' (t in us),
                           plus the same events as an (N, 4) array 'xytp'.
"""
import h5py
import numpy as np

STR = h5py.string_dtype()


def nir_reference(path):
    def arr(group, name, data):
        data = np.asarray(data)
        group.create_dataset(name, data=data, dtype=data.dtype, compression="gzip")

    with h5py.File(path, "w") as f:
        f.create_dataset("version", data="1.0.8", dtype=STR)
        g = f.create_group("node")
        g.create_dataset("type", data="NIRGraph", dtype=STR)
        nodes = g.create_group("nodes")
        n = nodes.create_group("input")
        n.create_dataset("type", data="Input", dtype=STR)
        arr(n, "shape", np.array([2], dtype=np.int64))
        n = nodes.create_group("fc")
        n.create_dataset("type", data="Affine", dtype=STR)
        arr(n, "weight", np.array([[0.5, 0.0], [0.0, 1.5], [0.25, -0.75]]))
        arr(n, "bias", np.zeros(3))
        n = nodes.create_group("lif")
        n.create_dataset("type", data="CubaLIF", dtype=STR)
        arr(n, "tau_syn", np.array([0.005, 0.010, 0.002]))
        arr(n, "tau_mem", np.array([0.020, 0.030, 0.010]))
        arr(n, "r", np.array([1.0, 2.0, 1.0]))
        arr(n, "v_leak", np.array([0.0, 0.0, 0.1]))
        arr(n, "v_reset", np.array([0.0, -0.2, 0.0]))
        arr(n, "v_threshold", np.array([1.0, 1.0, 0.8]))
        arr(n, "w_in", np.array([1.0, 1.0, 2.0]))
        n = nodes.create_group("rec")
        n.create_dataset("type", data="Linear", dtype=STR)
        arr(n, "weight", np.array([[0.0, 0.1, 0.0], [0.2, 0.0, -0.3], [0.0, 0.0, 0.0]]))
        n = nodes.create_group("output")
        n.create_dataset("type", data="Output", dtype=STR)
        arr(n, "shape", np.array([3], dtype=np.int64))
        g.create_dataset("edges", data=[("input", "fc"), ("fc", "lif"), ("lif", "rec"), ("rec", "lif"),
                                        ("lif", "output")])


def shd(path):
    with h5py.File(path, "w") as f:
        s = f.create_group("spikes")
        t = s.create_dataset("times", (3,), dtype=h5py.vlen_dtype(np.dtype("float16")))
        u = s.create_dataset("units", (3,), dtype=h5py.vlen_dtype(np.dtype("uint16")))
        t[0] = np.array([0.0125, 0.25, 0.5], dtype=np.float16)
        u[0] = np.array([3, 699, 3], dtype=np.uint16)
        t[1] = np.array([0.125], dtype=np.float16)
        u[1] = np.array([0], dtype=np.uint16)
        t[2] = np.array([0.75, 0.0625], dtype=np.float16)
        u[2] = np.array([10, 11], dtype=np.uint16)
        f.create_dataset("labels", data=np.array([4, 7, 19], dtype=np.uint8))


def events(path):
    ev = np.zeros(4, dtype=[("x", "<u2"), ("y", "<u2"), ("t", "<i8"), ("p", "i1")])
    ev["x"] = [0, 3, 1, 3]
    ev["y"] = [0, 1, 2, 1]
    ev["t"] = [100, 250, 250, 4000]
    ev["p"] = [1, 0, 1, 1]
    with h5py.File(path, "w") as f:
        f.create_dataset("events", data=ev)
        f.create_dataset("xytp", data=np.stack([ev["x"], ev["y"], ev["t"], ev["p"]], axis=1).astype(np.int64))


if __name__ == "__main__":
    nir_reference("nir_reference_cubalif.nir")
    shd("shd_small.h5")
    events("events_small.h5")
