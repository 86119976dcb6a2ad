package org.hrsnn.simulator.connectivity;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.random.RandomStreams;
import org.hrsnn.simulator.util.IntArrayList;

/** Test helper: runs a rule and keeps its edges. */
final class EdgeList {
    final IntArrayList pre = new IntArrayList();
    final IntArrayList post = new IntArrayList();
    final int preCount;
    final int postCount;

    private EdgeList(int preCount, int postCount) {
        this.preCount = preCount;
        this.postCount = postCount;
    }

    static EdgeList of(ConnectivityRule rule, int preCount, int postCount, boolean same, long seed) {
        RandomGenerator rng = new RandomStreams(seed).stream("test/connect");
        EdgeList e = new EdgeList(preCount, postCount);
        rule.connect(preCount, postCount, same, rng, (a, b) -> {
            e.pre.add(a);
            e.post.add(b);
        });
        return e;
    }

    int size() {
        return pre.size();
    }

    int[] inDegrees() {
        int[] d = new int[postCount];
        for (int i = 0; i < size(); i++) {
            d[post.get(i)]++;
        }
        return d;
    }

    int[] outDegrees() {
        int[] d = new int[preCount];
        for (int i = 0; i < size(); i++) {
            d[pre.get(i)]++;
        }
        return d;
    }

    /** Adjacency as a dense boolean matrix; counts duplicates. */
    int duplicates() {
        boolean[] seen = new boolean[preCount * postCount];
        int dup = 0;
        for (int i = 0; i < size(); i++) {
            int key = pre.get(i) * postCount + post.get(i);
            if (seen[key]) {
                dup++;
            }
            seen[key] = true;
        }
        return dup;
    }

    int selfLoops() {
        int s = 0;
        for (int i = 0; i < size(); i++) {
            if (pre.get(i) == post.get(i)) {
                s++;
            }
        }
        return s;
    }
}
