package org.tocsin.email;

/** A file inside an attached archive, listed from its directory without extracting it. */
public record ArchiveEntry(String name, long size, long compressedSize, boolean encrypted) {
}
