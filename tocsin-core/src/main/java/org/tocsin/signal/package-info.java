/**
 * The unit of explanation: signals (a stable id, a weight, the exact evidence that fired it and the
 * ATT&amp;CK or DISARM technique it indicates), the catalogue that defines them, the indicators an
 * analysis yields, and the assessment that turns signals into a verdict with a stated confidence.
 */
@NullMarked
package org.tocsin.signal;

import org.jspecify.annotations.NullMarked;
