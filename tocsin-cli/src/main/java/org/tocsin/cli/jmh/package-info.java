/**
 * JMH micro-benchmarks of the hot paths (lookalike matching, lure phrases, whole-message triage).
 * Run: {@code java -cp tocsin-cli/target/tocsin.jar org.openjdk.jmh.Main -f 1 -wi 3 -i 5}.
 */
package org.tocsin.cli.jmh;
