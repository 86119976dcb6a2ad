#!/usr/bin/env python3
"""Per-neuron firing rates of the CUBA benchmark in Brian2, for hrsnn's distribution check.

The model is the one of shared/bench/brian2_reference.py (Vogels & Abbott 2005, Brian2
examples/CUBA.py): taum 20 ms, taue 5 ms, taui 10 ms, Vt -50 mV, Vr -60 mV, El -49 mV,
refractory 5 ms, we +1.62 mV, wi -9 mV, p 0.02, first 80 % excitatory, dt 0.1 ms, v0 uniform
in [Vr, Vt], exact integration, no delay. CUBAhet draws taum, taue, taui per neuron uniformly
in [0.9, 1.1] x nominal.

Needs Brian2 (Debian: apt-get install -y python3-brian g++). Uses Brian2's runtime (numpy)
device so that nothing is compiled into the working directory.

Usage: python3 brian2_cuba_rates.py MODEL BIO_SECONDS [N] [SEED]
Prints one JSON object: {"model", "N", "bio_s", "seed", "rates_hz": [...per neuron...]}.
"""
import json
import sys

import numpy as np
from brian2 import (NeuronGroup, Synapses, SpikeMonitor, run, defaultclock, seed,
                    prefs, ms, mV, second)


def main():
    model = sys.argv[1] if len(sys.argv) > 1 else 'CUBA'
    bio = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 4000
    rng_seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    if model not in ('CUBA', 'CUBAhet'):
        sys.exit('MODEL must be CUBA or CUBAhet')
    prefs.codegen.target = 'numpy'
    seed(rng_seed)
    defaultclock.dt = 0.1 * ms
    taum, taue, taui = 20 * ms, 5 * ms, 10 * ms
    Vt, Vr, El = -50 * mV, -60 * mV, -49 * mV
    eqs = '''
    dv/dt  = (ge+gi-(v-El))/tm : volt (unless refractory)
    dge/dt = -ge/te : volt
    dgi/dt = -gi/ti : volt
    tm : second (constant)
    te : second (constant)
    ti : second (constant)
    '''
    group = NeuronGroup(n, eqs, threshold='v>Vt', reset='v = Vr', refractory=5 * ms,
                        method='exact')
    spread = 0.2 if model == 'CUBAhet' else 0.0
    group.tm = taum * (1 - spread / 2 + spread * np.random.rand(n))
    group.te = taue * (1 - spread / 2 + spread * np.random.rand(n))
    group.ti = taui * (1 - spread / 2 + spread * np.random.rand(n))
    group.v = 'Vr + rand() * (Vt - Vr)'
    ne = int(0.8 * n)
    ce = Synapses(group, group, on_pre='ge += 1.62*mV')
    ci = Synapses(group, group, on_pre='gi -= 9*mV')
    ce.connect(f'i<{ne}', p=0.02)
    ci.connect(f'i>={ne}', p=0.02)
    mon = SpikeMonitor(group)
    run(bio * second)
    counts = mon.count[:]
    print(json.dumps({"simulator": "brian2", "model": model, "N": n, "bio_s": bio,
                      "seed": rng_seed,
                      "rates_hz": [float(c) / bio for c in counts]}))


if __name__ == '__main__':
    main()
