package org.hrsnn.pruning.baseline;

/** Keeps the {@code count} items of highest score (ties: lower index first). */
final class TopScores {
    private TopScores() {
    }

    static boolean[] keep(double[] score, int count) {
        int m = score.length;
        Integer[] order = new Integer[m];
        for (int k = 0; k < m; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
        boolean[] keep = new boolean[m];
        for (int k = 0; k < count; k++) {
            keep[order[k]] = true;
        }
        return keep;
    }
}
