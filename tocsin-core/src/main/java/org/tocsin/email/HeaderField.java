package org.tocsin.email;

/** A header as received: name and unfolded raw value (encoded words left as they were). */
public record HeaderField(String name, String value) {
}
