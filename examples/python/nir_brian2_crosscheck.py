#!/usr/bin/env python3
"""Simulate an hrsnn NIR export in Brian2, for hrsnn's cross-simulation check.

Usage:
    python3 nir_brian2_crosscheck.py NET.nir INPUT_SPIKES.(csv|h5|-) DURATION_S DT_MS OUT.json

NET.nir is read with h5py only (no NIR package), following the layout of docs/nir.md:
  * neurons: one CubaLIF node "neurons" (tau_e == tau_i), or a LIF node "neurons" fed by two LI
    synapse nodes (tau_e != tau_i); per-neuron parameters in SI units;
  * weights: Linear/Affine nodes, dense (out, in) "weight" or hrsnn's sparse encoding
    metadata/hrsnn/sparse/<node>/{source,target,weight} (preferred when present);
  * Delay nodes before a weight node (per source) or after it (per target);
  * metadata/hrsnn/neurons/{refractory_period_ms, initial_potential_mV} (files from other tools:
    t_ref = 0, v(0) = v_leak).
Spikes are Dirac impulses: a weight W into a CubaLIF makes I jump by W w_in / tau_syn, into an
LI synapse node by W r / tau (hrsnn writes w_in = tau_syn and r = tau: the jump is W, in A).

INPUT_SPIKES: CSV with header "time_s,channel,input" (input = Input node name, e.g.
"input_drive"), or HDF5 with inputs/<node>/times (s) and inputs/<node>/channels; "-" for none.

The Brian2 model uses hrsnn's clock conventions, so the two agree spike for spike up to
floating-point rounding:
  * exact integration (method='exact') with per-neuron tau_m, tau_e, tau_i, r, v_leak, ...;
  * an input spike at time t arrives at the grid boundary ceil(t / dt), plus its delay;
  * the schedule is thresholds, synapses, resets, then the state update: a spike is detected
    on the state at t_n and labelled t_n; zero-delay arrivals are added at t_n, before the
    integration from t_n (Brian2's default order integrates first and labels the spike of
    v(t_n + dt) with t_n, one step earlier than hrsnn);
  * v is held at v_reset for t_ref after a spike (Brian2's "unless refractory"), the currents
    keep evolving; threshold is v > v_threshold.
The run covers the boundaries dt .. ceil(DURATION_S / dt) dt, as hrsnn's clock engine does.

Brian2 runs on its runtime (numpy) target: nothing is compiled, nothing is written except
OUT.json. Needs Brian2 and h5py (Debian: apt-get install -y python3-brian python3-h5py g++).

OUT.json: {"simulator", "brian2_version", "neurons", "duration_s", "dt_s", "spike_counts": [..],
"spike_times_s": [[..] per neuron], "first_spike_s": [.. or null], "notes": [..]}.
"""
import csv
import json
import math
import sys
from collections import defaultdict

import h5py
import numpy as np

GRID_TOLERANCE = 1e-10  # hrsnn's Grid tolerance: 0.3 / 0.1 = 2.9999999999999996 counts as 3


def text(value):
    if isinstance(value, bytes):
        return value.decode('utf8')
    if isinstance(value, np.ndarray) and value.shape == ():
        return text(value[()])
    return str(value)


def read_graph(path):
    """Nodes {name: {param: array, 'type': str}}, edges [(src, dst)], metadata group (or None)."""
    with h5py.File(path, 'r') as f:
        if 'node' not in f:
            raise SystemExit(f'{path}: no /node group: not a NIR file')
        g = f['node']
        nodes = {}
        for name, grp in g['nodes'].items():
            node = {'type': text(grp['type'][()])}
            for key, ds in grp.items():
                if key != 'type' and isinstance(ds, h5py.Dataset):
                    node[key] = np.asarray(ds[()])
            nodes[name] = node
        edges = [(text(a), text(b)) for a, b in np.asarray(g['edges'][()]).reshape(-1, 2)]
        meta = {}
        if 'metadata' in g:
            def visit(key, obj):
                if isinstance(obj, h5py.Dataset):
                    meta[key] = obj[()]
            g['metadata'].visititems(visit)
    return nodes, edges, meta


def steps_at_or_after(t, dt):
    q = t / dt
    return np.ceil(q - GRID_TOLERANCE * np.maximum(1.0, np.abs(q))).astype(np.int64)


def round_steps(x, dt):
    q = x / dt
    return np.floor(q + 0.5 + GRID_TOLERANCE * np.maximum(1.0, np.abs(q))).astype(np.int64)


class Model:
    """The neuron parameters (SI) and synapse lists (source node, pre, post, jump A, delay s, filter)."""

    def __init__(self, path):
        self.notes = []
        nodes, edges, meta = read_graph(path)
        self.nodes, self.meta = nodes, meta
        self.succ, self.pred = defaultdict(list), defaultdict(list)
        for a, b in edges:
            self.succ[a].append(b)
            self.pred[b].append(a)
        if 'neurons' in nodes:
            neuron_name = 'neurons'
        else:
            cands = [k for k, v in nodes.items() if v['type'] in ('CubaLIF', 'LIF')]
            if len(cands) != 1:
                raise SystemExit(f'{path}: expected one CubaLIF or LIF neuron node, found {cands}')
            neuron_name = cands[0]
        self.neuron_name = neuron_name
        nn = nodes[neuron_name]
        self.filters = {}  # node name of the synaptic filter -> (tau per neuron, jump scale per neuron)
        if nn['type'] == 'CubaLIF':
            self.tau_m = nn['tau_mem'].astype(float)
            tau_syn = nn['tau_syn'].astype(float)
            # one current; split by sign into two currents with the same tau (linear, identical)
            self.tau_e = tau_syn
            self.tau_i = tau_syn.copy()
            self.filters[neuron_name] = (tau_syn, nn['w_in'].astype(float) / tau_syn)
        elif nn['type'] == 'LIF':
            self.tau_m = nn['tau'].astype(float)
            syn = [p for p in self.pred[neuron_name] if nodes[p]['type'] == 'LI']
            if not syn or len(syn) > 2:
                raise SystemExit(f'{path}: LIF {neuron_name} must be fed by one or two LI synapse nodes, got {syn}')
            for s in syn:
                li = nodes[s]
                if np.any(li['v_leak'] != 0):
                    raise SystemExit(f'{path}: LI synapse node {s} has v_leak != 0')
                self.filters[s] = (li['tau'].astype(float), li['r'].astype(float) / li['tau'].astype(float))
            # hrsnn names them syn_exc / syn_inh; otherwise the first is excitatory, the second inhibitory
            exc = 'syn_exc' if 'syn_exc' in syn else syn[0]
            inh = 'syn_inh' if 'syn_inh' in syn else syn[-1]
            self.tau_e = self.filters[exc][0]
            self.tau_i = self.filters[inh][0]
            self.filter_current = {exc: 'e', inh: 'i'}
        else:
            raise SystemExit(f'{path}: neuron node type {nn["type"]} is not supported (CubaLIF or LIF)')
        self.n = len(self.tau_m)
        self.r = nn['r'].astype(float)
        self.v_leak = nn['v_leak'].astype(float)
        self.v_th = nn['v_threshold'].astype(float)
        self.v_reset = nn['v_reset'].astype(float)
        ref = meta.get('hrsnn/neurons/refractory_period_ms')
        if ref is None:
            self.t_ref = np.zeros(self.n)
            self.notes.append('no hrsnn refractory metadata: t_ref = 0')
        else:
            self.t_ref = np.asarray(ref, float) / 1e3
        v0 = meta.get('hrsnn/neurons/initial_potential_mV')
        if v0 is None:
            self.v0 = self.v_leak.copy()
            self.notes.append('no hrsnn initial potential metadata: v(0) = v_leak')
        else:
            self.v0 = np.asarray(v0, float) / 1e3
        if np.any(self.v0 > self.v_th):
            self.notes.append('some v(0) > v_threshold: Brian2 fires them at t = 0, hrsnn not before dt')
        for tau in (self.tau_e, self.tau_i):
            if np.any(tau == self.tau_m):
                raise SystemExit('tau_syn == tau_mem for some neuron: Brian2\'s symbolic exact solution '
                                 'divides by (tau_syn - tau_mem); perturb the time constants')
        self.inputs = {k: int(np.prod(v['shape'])) for k, v in nodes.items() if v['type'] == 'Input'}
        self.synapses = [self.weight_node(k) for k, v in nodes.items() if v['type'] in ('Linear', 'Affine')
                         and self.feeds_neurons(k)]

    def feeds_neurons(self, name):
        return self.target_of(name)[0] is not None

    def target_of(self, weight_node):
        """(filter node, per-target delay array or None) reached from a weight node."""
        delay = None
        cur = weight_node
        while True:
            nxt = self.succ[cur]
            if len(nxt) != 1:
                return None, None
            node = nxt[0]
            if node in self.filters:
                return node, delay
            if self.nodes[node]['type'] == 'Delay':
                d = self.nodes[node]['delay'].astype(float)
                delay = d if delay is None else delay + d
                cur = node
                continue
            return None, None

    def source_of(self, weight_node):
        delay = None
        cur = weight_node
        while True:
            prev = self.pred[cur]
            if len(prev) != 1:
                raise SystemExit(f'weight node {weight_node}: expected one source, got {prev}')
            node = prev[0]
            if self.nodes[node]['type'] == 'Delay':
                d = self.nodes[node]['delay'].astype(float)
                delay = d if delay is None else delay + d
                cur = node
                continue
            return node, delay

    def weight_node(self, name):
        node = self.nodes[name]
        if node['type'] == 'Affine' and np.any(node.get('bias', 0) != 0):
            raise SystemExit(f'Affine {name}: nonzero bias into the neurons is not supported')
        sparse = 'hrsnn/sparse/' + name + '/'
        if sparse + 'source' in self.meta:
            pre = np.asarray(self.meta[sparse + 'source'], np.int64)
            post = np.asarray(self.meta[sparse + 'target'], np.int64)
            w = np.asarray(self.meta[sparse + 'weight'], float)
        elif 'weight' in node:
            dense = np.asarray(node['weight'], float)
            post, pre = np.nonzero(dense)
            order = np.lexsort((post, pre))
            pre, post = pre[order], post[order]
            w = dense[post, pre]
        else:
            raise SystemExit(f'weight node {name}: neither "weight" nor the hrsnn sparse encoding')
        filt, post_delay = self.target_of(name)
        src, pre_delay = self.source_of(name)
        if src != self.neuron_name and src not in self.inputs:
            raise SystemExit(f'weight node {name}: source {src} is neither the neurons nor an Input node')
        tau, scale = self.filters[filt]
        jump = w * scale[post]
        delay = np.zeros(len(pre))
        if pre_delay is not None:
            delay += pre_delay[pre]
        if post_delay is not None:
            delay += post_delay[post]
        if filt == self.neuron_name:  # CubaLIF: route by sign (same tau for both currents)
            current = np.where(jump < 0, 'i', 'e')
        else:
            current = np.full(len(pre), self.filter_current[filt])
        return {'name': name, 'source': src, 'pre': pre, 'post': post, 'jump': jump, 'delay': delay,
                'current': current}


def read_inputs(path, model, dt):
    """{input node: (channels, boundary steps)} with hrsnn's rule: boundary ceil(t / dt)."""
    out = {k: ([], []) for k in model.inputs}
    if path == '-':
        return {k: (np.zeros(0, np.int64), np.zeros(0, np.int64)) for k in model.inputs}
    if path.endswith('.h5') or path.endswith('.hdf5'):
        with h5py.File(path, 'r') as f:
            for k in model.inputs:
                if 'inputs/' + k in f:
                    out[k] = (list(f['inputs/' + k + '/channels'][()]), list(f['inputs/' + k + '/times'][()]))
    else:
        with open(path, newline='') as f:
            rows = (line for line in f if not line.startswith('#'))
            for row in csv.DictReader(rows):
                node = row['input']
                if node not in out:
                    raise SystemExit(f'{path}: input "{node}" is not an Input node of the network {list(out)}')
                out[node][0].append(int(row['channel']))
                out[node][1].append(float(row['time_s']))
    res = {}
    for k, (ch, t) in out.items():
        ch = np.asarray(ch, np.int64)
        t = np.asarray(t, float)
        if np.any(ch < 0) or np.any(ch >= model.inputs[k]):
            raise SystemExit(f'input {k}: channel outside [0, {model.inputs[k]})')
        res[k] = (ch, np.maximum(0, steps_at_or_after(t, dt)) if len(t) else np.zeros(0, np.int64))
    return res


def simulate(model, inputs, duration, dt):
    import brian2 as b2
    b2.prefs.codegen.target = 'numpy'
    b2.defaultclock.dt = dt * b2.second
    steps = int(max(1, steps_at_or_after(np.array([duration]), dt)[0]))
    eqs = '''
    dv/dt = (v_leak - v + r * (i_e + i_i)) / tau_m : volt (unless refractory)
    di_e/dt = -i_e / tau_e : amp
    di_i/dt = -i_i / tau_i : amp
    tau_m : second (constant)
    tau_e : second (constant)
    tau_i : second (constant)
    r : ohm (constant)
    v_leak : volt (constant)
    v_th : volt (constant)
    v_reset : volt (constant)
    t_ref : second (constant)
    '''
    neurons = b2.NeuronGroup(model.n, eqs, threshold='v > v_th', reset='v = v_reset', refractory='t_ref',
                             method='exact', name='neurons')
    neurons.tau_m = model.tau_m * b2.second
    neurons.tau_e = model.tau_e * b2.second
    neurons.tau_i = model.tau_i * b2.second
    neurons.r = model.r * b2.ohm
    neurons.v_leak = model.v_leak * b2.volt
    neurons.v_th = model.v_th * b2.volt
    neurons.v_reset = model.v_reset * b2.volt
    # refractory steps as hrsnn rounds them: round(t_ref / dt), halves up
    neurons.t_ref = round_steps(model.t_ref, dt) * dt * b2.second
    neurons.v = model.v0 * b2.volt
    objects = [neurons]
    generators = {}
    for k, (ch, st) in inputs.items():
        if len(ch) == 0:
            continue
        # Brian2 allows one spike per generator index and step: repeated (channel, step) pairs get
        # their own "layer" of generator indices, each wired like the channel
        order = np.lexsort((ch, st))
        ch, st = ch[order], st[order]
        key = st * model.inputs[k] + ch
        layer = np.zeros(len(key), np.int64)
        for q in range(1, len(key)):
            if key[q] == key[q - 1]:
                layer[q] = layer[q - 1] + 1
        layers = int(layer.max()) + 1
        gen = b2.SpikeGeneratorGroup(layers * model.inputs[k], layer * model.inputs[k] + ch,
                                     st * dt * b2.second, name='gen_' + k)
        generators[k] = (gen, layers)
        objects.append(gen)
    for s in model.synapses:
        if s['source'] == model.neuron_name:
            src, layers, width = neurons, 1, model.n
        elif s['source'] in generators:
            (src, layers), width = generators[s['source']], model.inputs[s['source']]
        else:
            continue  # an input without spikes
        for cur in ('e', 'i'):
            sel = s['current'] == cur
            if not np.any(sel):
                continue
            pre = np.concatenate([s['pre'][sel] + l * width for l in range(layers)])
            post = np.tile(s['post'][sel], layers)
            syn = b2.Synapses(src, neurons, 'w : amp', on_pre=f'i_{cur} += w',
                              name=f'syn_{s["name"]}_{cur}'.replace('-', '_'))
            syn.connect(i=pre, j=post)
            syn.w = np.tile(s['jump'][sel], layers) * b2.amp
            # delays on the grid, as hrsnn's clock engine rounds them
            syn.delay = np.tile(round_steps(s['delay'][sel], dt), layers) * dt * b2.second
            objects.append(syn)
    monitor = b2.SpikeMonitor(neurons)
    objects.append(monitor)
    net = b2.Network(*objects)
    net.schedule = ['start', 'thresholds', 'synapses', 'resets', 'groups', 'end']
    # thresholds run at t_0 .. t_steps: one step more than hrsnn's steps, whose last boundary is t_steps
    net.run((steps + 1) * dt * b2.second, namespace={})
    t = np.asarray(monitor.t / b2.second)
    i = np.asarray(monitor.i)
    step = np.rint(t / dt).astype(np.int64)
    keep = (step >= 1) & (step <= steps)
    return i[keep], step[keep] * dt, b2.__version__


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    net_path, input_path, duration, dt_ms, out_path = sys.argv[1:]
    duration, dt = float(duration), float(dt_ms) / 1e3
    if not (duration > 0 and dt > 0):
        sys.exit('DURATION_S and DT_MS must be > 0')
    model = Model(net_path)
    inputs = read_inputs(input_path, model, dt)
    neuron, times, version = simulate(model, inputs, duration, dt)
    per = [[] for _ in range(model.n)]
    for a, b in zip(neuron, times):
        per[int(a)].append(float(b))
    for p in per:
        p.sort()
    out = {'simulator': 'brian2', 'brian2_version': version, 'neurons': model.n, 'duration_s': duration,
           'dt_s': dt, 'spike_counts': [len(p) for p in per], 'spike_times_s': per,
           'first_spike_s': [p[0] if p else None for p in per], 'notes': model.notes}
    with open(out_path, 'w') as f:
        json.dump(out, f)


if __name__ == '__main__':
    main()
