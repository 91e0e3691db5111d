/**
 * Site rules: each reads a {@code PageView} of an archived site and raises the signals of the site catalogue
 * (certificates, transparency, lookalike names and the like), with the reason shown to the analyst.
 */
@NullMarked
package org.tocsin.site.rules;

import org.jspecify.annotations.NullMarked;
