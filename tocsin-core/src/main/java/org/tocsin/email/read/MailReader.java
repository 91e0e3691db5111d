package org.tocsin.email.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.tocsin.email.MailMessage;
import org.tocsin.input.ContentKind;
import org.tocsin.input.ContentSniffer;
import org.tocsin.input.Input;
import org.tocsin.input.InputWalker;
import org.tocsin.input.Sniffed;

/**
 * Turns command-line inputs into messages: {@code .eml} files, mbox files (gzip-compressed or not), Maildir and any
 * other directory (walked by {@link InputWalker}: recursively, in name order, links followed once), Outlook
 * {@code .msg} files, and {@code -} for standard input. What each input holds is read by {@link ContentSniffer}, as
 * for every reader, not trusted from its name. Every item is handed on as soon as it is parsed, so memory does not
 * grow with the input, and an unreadable item becomes a {@link MailItem} carrying its error while the rest go on.
 */
public final class MailReader {
    private final MimeMailParser mime = new MimeMailParser();
    private final OutlookMsgParser outlook = new OutlookMsgParser(mime);
    private final InputStream stdin;

    public MailReader() {
        this(System.in);
    }

    public MailReader(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Reads every input in order, handing each item to {@code sink}. */
    public void read(List<String> inputs, Consumer<MailItem> sink) {
        new InputWalker(stdin).walk(inputs, InputWalker.Visitor.of(input -> read(input, sink),
                (where, reason) -> sink.accept(MailItem.failed(where, reason))));
    }

    /** Reads one input (a file or a stream), handing each item to {@code sink}. */
    public void read(Input input, Consumer<MailItem> sink) {
        try (InputStream in = input.open()) {
            readStream(in, input.name(), sink);
        } catch (IOException e) {
            sink.accept(MailItem.failed(input.name(), "cannot read: " + InputWalker.reason(e)));
        }
    }

    /** Reads one stream (an .eml, .msg or mbox, sniffed as for files), handing each item to {@code sink}. */
    public void read(InputStream in, String source, Consumer<MailItem> sink) {
        readStream(in, source, sink);
    }

    private void readStream(InputStream raw, String source, Consumer<MailItem> sink) {
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 16 * 1024);
            Sniffed sniffed = ContentSniffer.sniff(in);
            InputStream body = sniffed.gzip() ? new BufferedInputStream(new GZIPInputStream(in), 16 * 1024) : in;
            switch (sniffed.kind()) {
                case EMPTY -> sink.accept(MailItem.failed(source, "empty file"));
                case OUTLOOK_MSG -> sink.accept(one(() -> outlook.parse(body, source, 0), source));
                case MBOX -> {
                    MboxSplitter mbox = new MboxSplitter(body);
                    int n = 0;
                    for (InputStream m; (m = mbox.next()) != null; ) {
                        n++;
                        InputStream message = m;
                        String itemSource = source + "#" + n;
                        sink.accept(one(() -> mime.parse(message, itemSource), itemSource));
                    }
                    if (n == 0) { // a "From " line and nothing after it: said, never silently nothing
                        sink.accept(MailItem.failed(source, "an mbox holding no message (a From line and nothing after it)"));
                    }
                }
                case MAIL_MESSAGE -> sink.accept(one(() -> mime.parse(body, source), source));
                default -> sink.accept(MailItem.failed(source, sniffed.family() == ContentKind.Family.NONE
                        ? "not an e-mail message: no header fields" : "not an e-mail message: " + sniffed.describe()));
            }
        } catch (IOException e) {
            sink.accept(MailItem.failed(source, "cannot read: " + InputWalker.reason(e)));
        }
    }
    private interface Parse {
        MailMessage run() throws IOException;
    }

    private static MailItem one(Parse parse, String source) {
        try {
            MailMessage m = parse.run();
            if (m.headers().isEmpty()) {
                return MailItem.failed(source, "not an e-mail message: no header fields");
            }
            return MailItem.of(m);
        } catch (IOException e) {
            return MailItem.failed(source, Objects.toString(e.getMessage(), e.toString()));
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return MailItem.failed(source, "unreadable: " + e);
        }
    }
}
