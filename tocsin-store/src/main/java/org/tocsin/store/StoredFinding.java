package org.tocsin.store;

/** A finding as read back: its id, the evidence it is about, and what it says. */
public record StoredFinding(String id, String evidenceSha256, String kind, String subject, String verdict, double score) {
}
