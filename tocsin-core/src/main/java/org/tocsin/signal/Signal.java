package org.tocsin.signal;

/**
 * One reason behind a verdict.
 *
 * @param id        catalogue id
 * @param weight    contribution to the score (negative weights lower it)
 * @param evidence  human-readable evidence quoting the exact header, URL or text that fired it
 * @param technique ATT&amp;CK or DISARM technique id
 */
public record Signal(String id, double weight, String evidence, String technique) {
}
