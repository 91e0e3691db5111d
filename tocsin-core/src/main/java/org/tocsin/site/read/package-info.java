/** Readers of archived web pages: WARC and WACZ (jwarc), directories of saved HTML, single HTML files. */
// not yet @NullMarked: NullAway still finds nulls to settle here (see docs/architecture.md, Guard rails)
package org.tocsin.site.read;
