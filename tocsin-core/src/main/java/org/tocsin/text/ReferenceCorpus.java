package org.tocsin.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tocsin.input.Input;
import org.tocsin.input.JsonLimits;
import org.tocsin.input.InputWalker;

/**
 * An analyst's corpus of real articles, read from a path:
 * <ul>
 *   <li>a {@code .jsonl} file: one JSON object a line, {@code {"id", "url", "title", "text"}}; id and text
 *       are required strings, url and title optional;</li>
 *   <li>a {@code .txt} file: the whole file is the text, the file name without {@code .txt} the id;</li>
 *   <li>an {@code .html}/{@code .htm} file: the id as for text, the title from {@code <title>} (or
 *       {@code og:title}), the url from the canonical link (or {@code og:url}), the text from the body;</li>
 *   <li>a directory: every such file below it (sorted by path, so ids and order are stable).</li>
 * </ul>
 * Hostile input is a problem for that item, not for the corpus: a file over {@link #MAX_FILE_BYTES}, a line
 * over {@link #MAX_LINE_CHARS}, a line that is not a JSON object with string id and text, nesting deeper
 * than Jackson allows, an empty text — each is reported with its place and the rest is read. Bytes that are
 * not UTF-8 are read as windows-1252 (the usual other encoding of news pages) and noted.
 */
public record ReferenceCorpus(List<ReferenceArticle> articles, List<Problem> problems) {
    public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;
    public static final int MAX_LINE_CHARS = 1024 * 1024;
    /** A .jsonl file may be large (one line an article), but not without end. */
    public static final long MAX_JSONL_BYTES = 4L * 1024 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper(JsonLimits.factory());

    /** Something that could not be read as intended: {@code where} is a path, or a path and line. */
    public record Problem(String where, String reason) {
    }

    public ReferenceCorpus {
        articles = List.copyOf(articles);
        problems = List.copyOf(problems);
    }

    public static ReferenceCorpus read(Path path) throws IOException {
        List<ReferenceArticle> articles = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Input input : new InputWalker().under(path, (where, reason) -> problems.add(new Problem(where, reason)))) {
            if (!input.isFile()) {
                problems.add(new Problem(input.name(), "a reference corpus is read from files"));
            } else if (input.path() != null && kind(input.path()) != null) {
                readFile(input.path(), articles, problems);
            } else if (input.named()) {
                problems.add(new Problem(input.name(), "not a .jsonl, .txt, .html or .htm file"));
            }
        }
        return new ReferenceCorpus(articles, problems);
    }

    private static @Nullable String kind(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl")) {
            return "jsonl";
        } else if (name.endsWith(".txt")) {
            return "txt";
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            return "html";
        }
        return null;
    }

    private static void readFile(Path f, List<ReferenceArticle> articles, List<Problem> problems) {
        String where = f.toString();
        try {
            String kind = kind(f);
            long size = Files.size(f);
            if (size > ("jsonl".equals(kind) ? MAX_JSONL_BYTES : MAX_FILE_BYTES)) {
                problems.add(new Problem(where, "too large (" + size + " bytes)"));
                return;
            }
            if ("jsonl".equals(kind)) {
                readJsonLines(f, articles, problems);
                return;
            }
            String text = decode(Files.readAllBytes(f), where, problems);
            String id = stripExtension(f.getFileName().toString());
            ReferenceArticle a = "html".equals(kind) ? fromHtml(id, text) : new ReferenceArticle(id, "", "", text);
            if (a.text().isBlank()) {
                problems.add(new Problem(where, "no text"));
            } else {
                articles.add(a);
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(where, "unreadable: " + e.getMessage()));
        }
    }

    private static void readJsonLines(Path f, List<ReferenceArticle> articles, List<Problem> problems) throws IOException {
        try (InputStream in = Files.newInputStream(f);
             BufferedReader r = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8
                     .newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                     .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            int lineNo = 0;
            StringBuilder line = new StringBuilder();
            while (readBoundedLine(r, line)) {
                lineNo++;
                String where = f + ":" + lineNo;
                if (line.length() > MAX_LINE_CHARS) {
                    problems.add(new Problem(where, "line longer than " + MAX_LINE_CHARS + " characters"));
                    continue;
                }
                String s = line.toString().strip();
                if (s.isEmpty()) {
                    continue;
                }
                try {
                    articles.add(fromJson(JSON.readTree(s)));
                } catch (JsonProcessingException e) {
                    problems.add(new Problem(where, "not JSON: " + e.getOriginalMessage()));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(where, Objects.toString(e.getMessage(), e.toString())));
                }
            }
        }
    }

    /** Reads one line into {@code line}, keeping at most one character past the limit so that length tells. */
    private static boolean readBoundedLine(BufferedReader r, StringBuilder line) throws IOException {
        line.setLength(0);
        int c = r.read();
        if (c < 0) {
            return false;
        }
        while (c >= 0 && c != '\n') {
            if (line.length() <= MAX_LINE_CHARS) {
                line.append((char) c);
            }
            c = r.read();
        }
        return true;
    }

    private static ReferenceArticle fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String id = requiredString(node, "id");
        String text = requiredString(node, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty \"text\"");
        }
        return new ReferenceArticle(id, optionalString(node, "url"), optionalString(node, "title"), text);
    }

    private static String requiredString(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !(v.isTextual() || v.isNumber())) {
            throw new IllegalArgumentException("\"" + field + "\" missing or not a string");
        }
        return v.asText();
    }

    private static String optionalString(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : "";
    }

    private static ReferenceArticle fromHtml(String id, String html) {
        Document doc = Jsoup.parse(html);
        String title = doc.title();
        if (title.isBlank()) {
            title = meta(doc, "og:title");
        }
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        String url = canonical != null ? canonical.attr("href") : meta(doc, "og:url");
        doc.select("script, style, noscript, nav, header, footer, aside").remove();
        Element article = doc.selectFirst("article");
        String text = article != null ? article.text() : doc.body() != null ? doc.body().text() : "";
        return new ReferenceArticle(id, url, title.strip(), text.strip());
    }

    private static String meta(Document doc, String property) {
        Element m = doc.selectFirst("meta[property=" + property + "][content]");
        return m == null ? "" : m.attr("content");
    }

    private static String decode(byte[] bytes, String where, List<Problem> problems) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(where, "not UTF-8; read as windows-1252"));
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
