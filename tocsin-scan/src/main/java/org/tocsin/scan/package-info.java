/**
 * The scan, below every front end: {@link org.tocsin.scan.Scanner} takes inputs (files, directories, standard input),
 * reads what each holds, runs the matching analysis (mail triage, the lookalike-domain watch, site assessment) and
 * keeps evidence, findings and observables in the store, reporting progress and per-item problems to a
 * {@link org.tocsin.scan.ScanListener}. It prints nothing and never exits: {@code tocsin scan} and {@code tocsin serve}
 * each decide how to show what it reports.
 */
package org.tocsin.scan;
