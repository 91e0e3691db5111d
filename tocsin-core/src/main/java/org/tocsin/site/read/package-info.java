/** Readers of archived web pages: WARC and WACZ (jwarc), directories of saved HTML, single HTML files. */
@NullMarked
package org.tocsin.site.read;

import org.jspecify.annotations.NullMarked;
