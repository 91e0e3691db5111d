/** Readers of archived web pages: WARC and WACZ (jwarc), directories of saved HTML, single HTML files. */
package org.tocsin.site.read;
