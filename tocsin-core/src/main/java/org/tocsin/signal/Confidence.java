package org.tocsin.signal;

import java.util.Locale;

/** Estimative confidence, in the three levels intelligence analysts use. */
public enum Confidence {
    LOW, MODERATE, HIGH;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
