/**
 * Threat intelligence shipped with Tocsin: the curated threat actors (names, aliases, country, ATT&amp;CK
 * techniques, sources) that findings are attributed to. The data lives once, in
 * {@code src/main/resources/tocsin/intel/threat-actors.json}, derived from the MISP galaxy with its
 * source, licence and curation decisions in the file itself, and is loaded here and nowhere else.
 */
@NullMarked
package org.tocsin.intel;

import org.jspecify.annotations.NullMarked;
