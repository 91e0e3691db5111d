package org.tocsin.signal;

/** Something to block or hunt for, taken from the evidence of a malicious or suspicious item. */
public record Indicator(IndicatorType type, String value) {
}
