/**
 * Inauthentic news-site assessment: the parsed page the rules read ({@code PageView}), what they find (site
 * identifiers, transparency criteria, copies of reference articles), the signals catalogue, and the results: a
 * verdict per site and networks of sites that share infrastructure. Pages come from {@code site.read}, rules live
 * in {@code site.rules}, and the assessor that runs them over a set of archives in {@code site.assess}.
 */
@NullMarked
package org.tocsin.site;

import org.jspecify.annotations.NullMarked;
