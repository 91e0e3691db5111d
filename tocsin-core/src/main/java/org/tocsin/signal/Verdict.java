package org.tocsin.signal;

import java.util.Locale;

public enum Verdict {
    MALICIOUS, SUSPICIOUS, CLEAN;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
