package org.tocsin.signal;

import java.util.Locale;

/** The kinds of indicator a defender can block; names match the JSON output. */
public enum IndicatorType {
    URL, DOMAIN, EMAIL, IP, SHA256;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
