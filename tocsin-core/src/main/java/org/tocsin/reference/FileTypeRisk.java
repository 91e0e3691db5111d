package org.tocsin.reference;

/** Why a file extension is dangerous in a mail attachment. */
public record FileTypeRisk(String extension, String category, String note) {
}
