/**
 * The {@code tocsin} command: picocli commands that wire the core's readers, analyzers and outputs.
 * Wiring is explicit here; no analysis logic lives in this module.
 */
package org.tocsin.cli;
