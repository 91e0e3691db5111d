/**
 * Inauthentic news-site assessment: the signals a site's archived pages carry (tracking ids, transparency,
 * leftover LLM text, copied articles, lookalike domains), a verdict per site, and networks of sites that share
 * infrastructure. Pages come from {@code site.read}.
 */
package org.tocsin.site;
