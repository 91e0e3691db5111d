package org.tocsin.site.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** Builds real WARC records with jwarc's writer, and collects what the reader delivers. */
final class Archives {
    static final Instant FETCHED = Instant.parse("2024-10-14T08:30:00Z");

    private Archives() {
    }

    static WarcResponse response(String url, String contentType, byte[] body, String... headers) throws IOException {
        HttpResponse.Builder http = new HttpResponse.Builder(200, "OK");
        for (int i = 0; i < headers.length; i += 2) {
            http.addHeader(headers[i], headers[i + 1]);
        }
        http.body(contentType == null ? null : MediaType.parse(contentType), body);
        return new WarcResponse.Builder(url).date(FETCHED).body(http.build()).build();
    }

    static WarcResponse html(String url, String html) throws IOException {
        return response(url, "text/html; charset=utf-8", html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A response whose body is {@code length} bytes of a repeated HTML line, generated as it is written. */
    static WarcResponse hugeHtml(String url, long length) throws IOException {
        byte[] line = "<p>Polling stations open at 7am across the county.</p>\n".getBytes(StandardCharsets.UTF_8);
        ReadableByteChannel body = new ReadableByteChannel() {
            long left = length;
            long at;

            @Override
            public int read(ByteBuffer dst) {
                if (left == 0) {
                    return -1;
                }
                int n = 0;
                while (dst.hasRemaining() && left > 0) {
                    dst.put(line[(int) (at++ % line.length)]);
                    left--;
                    n++;
                }
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        HttpResponse http = new HttpResponse.Builder(200, "OK")
                .body(MediaType.parse("text/html"), body, length).build();
        return new WarcResponse.Builder(url).date(FETCHED).body(http).build();
    }

    static WarcRequest request(String url) throws IOException {
        return new WarcRequest.Builder(url).date(FETCHED)
                .body(new HttpRequest.Builder("GET", url).addHeader("Host", "example").build()).build();
    }

    static void write(Path path, WarcCompression compression, WarcRecord... records) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); WarcWriter writer = new WarcWriter(ch, compression)) {
            for (WarcRecord r : records) {
                writer.write(r);
            }
        }
    }

    static byte[] warcBytes(WarcCompression compression, WarcRecord... records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WarcWriter writer = new WarcWriter(java.nio.channels.Channels.newChannel(out), compression);
        for (WarcRecord r : records) {
            writer.write(r);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    static void append(Path path, byte[] bytes) throws IOException {
        Files.write(path, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static List<PageItem> read(Path path) {
        List<PageItem> items = new ArrayList<>();
        SiteArchiveReader.read(path, (Consumer<PageItem>) items::add);
        return items;
    }

    static List<SitePage> pages(List<PageItem> items) {
        return items.stream().filter(PageItem::ok).map(PageItem::page).toList();
    }

    static List<PageItem> problems(List<PageItem> items) {
        return items.stream().filter(i -> !i.ok()).toList();
    }
}
