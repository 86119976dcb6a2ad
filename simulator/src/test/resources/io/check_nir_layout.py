"""Reads an hrsnn NIR export with h5py the way nir.read (NIR reference, 1.0.x) does, and checks it.

Usage: python3 check_nir_layout.py FILE N. Exits non-zero with a message on the first mismatch.
The nir package itself is not needed: this repeats the reads nir.read makes (bytes comparison of
'type', utf8 decoding of 'version' and 'edges', one numpy array per parameter).
"""
import sys

import h5py
import numpy as np

PARAMS = {
    "Input": ["shape"], "Output": ["shape"], "Affine": ["weight", "bias"], "Linear": ["weight"],
    "Delay": ["delay"], "LI": ["tau", "r", "v_leak"], "CubaLI": ["tau_syn", "tau_mem", "r", "v_leak", "w_in"],
    "LIF": ["tau", "r", "v_leak", "v_threshold", "v_reset"],
    "CubaLIF": ["tau_syn", "tau_mem", "r", "v_leak", "v_reset", "v_threshold", "w_in"],
}


def main(path, n):
    with h5py.File(path, "r") as f:
        version = f["version"][()].decode("utf8")
        assert version.count(".") == 2, version
        g = f["node"]
        assert g["type"][()] == b"NIRGraph"
        edges = [(a.decode("utf8"), b.decode("utf8")) for a, b in g["edges"][()]]
        assert g["edges"].shape == (len(edges), 2)
        for a, b in edges:
            assert a in g["nodes"] and b in g["nodes"], (a, b)
        for name, node in g["nodes"].items():
            t = node["type"][()]
            assert isinstance(t, bytes)
            t = t.decode("utf8")
            assert t in PARAMS, (name, t)
            extra = set(node.keys()) - set(PARAMS[t]) - {"type", "metadata"}
            assert not extra, (name, extra)
            for p in PARAMS[t]:
                if t in ("Affine", "Linear") and p == "weight" and p not in node:
                    continue  # sparse-only node, documented
                a = node[p][()]
                assert isinstance(a, np.ndarray) and a.dtype.kind in "fi", (name, p, type(a))
            if t in ("CubaLIF", "LIF"):
                for p in PARAMS[t]:
                    assert node[p].shape == (n,), (name, p, node[p].shape)
            assert len(node.attrs) == 0, (name, dict(node.attrs))
        notes = [x.decode("utf8") for x in g["metadata/hrsnn/not_representable"][()]]
        assert any("refractory" in x for x in notes), notes
        if "neurons" in g["nodes"] and g["nodes/neurons/type"][()] == b"CubaLIF":
            ts = g["nodes/neurons/tau_syn"][()]
            assert np.all((ts > 0) & (ts < 1)), "tau_syn in seconds"
    print("ok", path)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
