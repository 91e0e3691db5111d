package org.tocsin.email.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Writes minimal but valid Outlook {@code .msg} files (MS-OXMSG compound files) with POI's POIFS, so the
 * readers can be tested without a binary fixture in the repository.
 *
 * <p>Layout written: a top-level {@code __properties_version1.0} stream (32-byte header, then one 16-byte
 * entry per property), one {@code __substg1.0_<tag>001F} stream per string property (UTF-16LE, no
 * terminator), and for each attachment an {@code __attach_version1.0_#0000000N} storage holding its own
 * {@code __properties_version1.0} (8-byte header), the data ({@code __substg1.0_37010102}), the long file
 * name ({@code 3707001F}) and the MIME tag ({@code 370E001F}).
 */
final class OutlookMsgFixture {
    static final int SUBJECT = 0x0037;
    static final int TRANSPORT_HEADERS = 0x007D;
    static final int SENDER_NAME = 0x0C1A;
    static final int SENDER_EMAIL = 0x0C1F;
    static final int DISPLAY_TO = 0x0E04;
    static final int BODY = 0x1000;
    static final int ATTACH_DATA = 0x3701;
    static final int ATTACH_LONG_FILENAME = 0x3707;
    static final int ATTACH_MIME_TAG = 0x370E;
    static final int ATTACH_METHOD = 0x3705;
    static final int HTML = 0x1013;
    static final int INTERNET_CPID = 0x3FDE;

    private static final int PT_UNICODE = 0x001F;
    private static final int PT_BINARY = 0x0102;
    private static final int PT_LONG = 0x0003;
    private static final int FLAGS_READ_WRITE = 0x06;

    private final Map<Integer, String> strings = new LinkedHashMap<>();
    private final Map<Integer, byte[]> binaries = new LinkedHashMap<>();
    private final Map<Integer, Integer> longs = new LinkedHashMap<>();
    private final List<Attachment> attachments = new ArrayList<>();

    @SuppressWarnings("ArrayRecordComponent") // a fixture's parts, never compared
    private record Attachment(String filename, String mimeTag, byte[] data) {
    }

    static OutlookMsgFixture message() {
        return new OutlookMsgFixture();
    }

    OutlookMsgFixture subject(String s) {
        return string(SUBJECT, s);
    }

    OutlookMsgFixture body(String s) {
        return string(BODY, s);
    }

    OutlookMsgFixture senderName(String s) {
        return string(SENDER_NAME, s);
    }

    OutlookMsgFixture senderEmail(String s) {
        return string(SENDER_EMAIL, s);
    }

    OutlookMsgFixture displayTo(String s) {
        return string(DISPLAY_TO, s);
    }

    /** The original Internet headers, CRLF-separated, as Outlook keeps them in PR_TRANSPORT_MESSAGE_HEADERS. */
    OutlookMsgFixture transportHeaders(String s) {
        return string(TRANSPORT_HEADERS, s);
    }

    /** The HTML body as Outlook keeps it (PR_HTML, binary) with its code page (PR_INTERNET_CPID). */
    OutlookMsgFixture html(String html, int codepage) {
        binaries.put(HTML, html.getBytes(StandardCharsets.UTF_8));
        longs.put(INTERNET_CPID, codepage);
        return this;
    }

    OutlookMsgFixture string(int propertyId, String value) {
        strings.put(propertyId, value);
        return this;
    }

    /** A file attached by value (PR_ATTACH_METHOD = ATTACH_BY_VALUE). */
    OutlookMsgFixture attach(String filename, String mimeTag, byte[] data) {
        attachments.add(new Attachment(filename, mimeTag, data));
        return this;
    }

    byte[] build() {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            DirectoryEntry root = fs.getRoot();
            ByteArrayOutputStream props = new ByteArrayOutputStream();
            // Top-level header: 8 reserved, next recipient id, next attachment id, recipient count,
            // attachment count, 8 reserved.
            props.write(new byte[8]);
            props.write(le32(0));
            props.write(le32(attachments.size()));
            props.write(le32(0));
            props.write(le32(attachments.size()));
            props.write(new byte[8]);
            for (Map.Entry<Integer, String> e : strings.entrySet()) {
                byte[] value = e.getValue().getBytes(StandardCharsets.UTF_16LE);
                root.createDocument(streamName(e.getKey(), PT_UNICODE), new java.io.ByteArrayInputStream(value));
                props.write(variableEntry(e.getKey(), PT_UNICODE, value.length + 2));
            }
            for (Map.Entry<Integer, byte[]> e : binaries.entrySet()) {
                root.createDocument(streamName(e.getKey(), PT_BINARY), new java.io.ByteArrayInputStream(e.getValue()));
                props.write(variableEntry(e.getKey(), PT_BINARY, e.getValue().length));
            }
            for (Map.Entry<Integer, Integer> e : longs.entrySet()) {
                props.write(fixedEntry(e.getKey(), PT_LONG, e.getValue()));
            }
            root.createDocument("__properties_version1.0", new java.io.ByteArrayInputStream(props.toByteArray()));
            for (int i = 0; i < attachments.size(); i++) {
                Attachment a = attachments.get(i);
                DirectoryEntry dir = root.createDirectory(String.format(Locale.ROOT, "__attach_version1.0_#%08X", i));
                ByteArrayOutputStream ap = new ByteArrayOutputStream();
                ap.write(new byte[8]); // attachment and recipient storages have an 8-byte reserved header
                ap.write(fixedEntry(ATTACH_METHOD, PT_LONG, 1)); // ATTACH_BY_VALUE
                dir.createDocument(streamName(ATTACH_DATA, PT_BINARY), new java.io.ByteArrayInputStream(a.data()));
                ap.write(variableEntry(ATTACH_DATA, PT_BINARY, a.data().length));
                byte[] name = a.filename().getBytes(StandardCharsets.UTF_16LE);
                dir.createDocument(streamName(ATTACH_LONG_FILENAME, PT_UNICODE), new java.io.ByteArrayInputStream(name));
                ap.write(variableEntry(ATTACH_LONG_FILENAME, PT_UNICODE, name.length + 2));
                if (a.mimeTag() != null) {
                    byte[] tag = a.mimeTag().getBytes(StandardCharsets.UTF_16LE);
                    dir.createDocument(streamName(ATTACH_MIME_TAG, PT_UNICODE), new java.io.ByteArrayInputStream(tag));
                    ap.write(variableEntry(ATTACH_MIME_TAG, PT_UNICODE, tag.length + 2));
                }
                dir.createDocument("__properties_version1.0", new java.io.ByteArrayInputStream(ap.toByteArray()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String streamName(int id, int type) {
        return String.format(Locale.ROOT, "__substg1.0_%04X%04X", id, type);
    }

    private static byte[] variableEntry(int id, int type, int size) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(id << 16 | type).putInt(FLAGS_READ_WRITE).putInt(size).putInt(0).array();
    }

    private static byte[] fixedEntry(int id, int type, int value) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(id << 16 | type).putInt(FLAGS_READ_WRITE).putInt(value).putInt(0).array();
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }
}
