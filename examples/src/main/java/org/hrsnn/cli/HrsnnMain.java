package org.hrsnn.cli;

/** Placeholder entry point until the command line lands. */
public final class HrsnnMain {
    private HrsnnMain() {
    }

    public static void main(String[] args) {
        System.out.println("hrsnn");
    }
}
