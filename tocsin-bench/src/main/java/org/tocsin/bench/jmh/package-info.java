/**
 * JMH micro-benchmarks of the hot paths (lookalike matching, lure phrases, whole-message triage, coordination traces).
 * Run from the repository root: {@code java -cp tocsin-bench/target/tocsin-bench.jar org.openjdk.jmh.Main -f 1 -wi 3 -i 5}.
 */
package org.tocsin.bench.jmh;
