/**
 * The {@code tocsin-bench} command: whole-pipeline benchmarks ({@code tocsin-bench email|domains|posts|store bench})
 * over the command line's own options. A module and a jar of their own, with JMH ({@link org.tocsin.bench.jmh}),
 * so the shipped {@code tocsin.jar} carries no measuring kit.
 */
package org.tocsin.bench;
