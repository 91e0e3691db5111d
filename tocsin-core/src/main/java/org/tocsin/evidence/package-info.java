/**
 * What came in, byte for byte, addressed by its SHA-256. Evidence is never edited: analysis results
 * point at it.
 */
@NullMarked
package org.tocsin.evidence;

import org.jspecify.annotations.NullMarked;
