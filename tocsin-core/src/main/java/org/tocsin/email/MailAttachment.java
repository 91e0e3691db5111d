package org.tocsin.email;

import java.util.List;

/**
 * An attachment (or any non-body part), inspected without being executed or extracted.
 *
 * @param filename    decoded file name, or empty
 * @param contentType declared MIME type, lower-cased
 * @param size        decoded size in bytes
 * @param sha256      SHA-256 of the decoded content
 * @param magic       what the first bytes say the file is ({@code zip}, {@code pe}, {@code ole}, {@code iso},
 *                    {@code pdf}, {@code rar}, {@code 7z}, {@code gzip}, {@code html}, {@code lnk}) or empty
 * @param entries     for archives: the files listed in the archive directory
 * @param text        for HTML, SVG and text attachments: their text (bounded), else empty
 * @param problem     why the attachment could not be fully inspected, or empty
 */
public record MailAttachment(String filename, String contentType, long size, String sha256, String magic,
                             List<ArchiveEntry> entries, String text, String problem) {
    public MailAttachment {
        entries = List.copyOf(entries);
    }

    /** The lower-case extension of the file name, without the dot, or empty. */
    public String extension() {
        return extensionOf(filename);
    }

    public static String extensionOf(String name) {
        String n = name.strip();
        int dot = n.lastIndexOf('.');
        return dot < 0 || dot == n.length() - 1 ? "" : n.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
