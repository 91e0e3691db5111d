/** A strict parser of the STIX 2.1 pattern grammar, for harvesting simple indicators from partners' patterns. */
package org.tocsin.store.stix.pattern;
