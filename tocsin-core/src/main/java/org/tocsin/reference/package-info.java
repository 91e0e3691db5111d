/**
 * Reference data shipped with Tocsin (shorteners, free-mail providers, abused hosting, provider
 * brands, dangerous file types, technique names). Each list lives once, in
 * {@code src/main/resources/tocsin/reference}, with its source and licence in its header, and is
 * loaded here and nowhere else.
 */
@NullMarked
package org.tocsin.reference;

import org.jspecify.annotations.NullMarked;
