package org.tocsin.domain.feed;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * CT {@code get-entries} responses ({@code {"entries":[...]}}, several may follow each other) and bare
 * arrays of entries, streamed entry by entry. A malformed entry is one problem item and the next entry
 * is read; only broken JSON structure, after which no entry boundary can be trusted, ends the file.
 */
final class GetEntriesReader {
    private final String source;
    private final Consumer<FeedItem> sink;
    private int next;
    /** The entry being read, for naming the place where the JSON broke; null between entries. */
    private @Nullable String open;

    GetEntriesReader(String source, Consumer<FeedItem> sink) {
        this.source = source;
        this.sink = sink;
    }

    void read(InputStream in) throws IOException {
        Reader text = new LongStringCutter(new InputStreamReader(in, StandardCharsets.UTF_8),
                CtEntryNames.MAX_BASE64);
        try (JsonParser p = FeedJson.FACTORY.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY) {
                    entries(p);
                } else if (t == JsonToken.START_OBJECT) {
                    response(p);
                } else {
                    sink.accept(FeedItem.problem(source, "expected a get-entries object or array, found "
                            + describe(t) + "; rest of file not read"));
                    return;
                }
            }
        } catch (JsonProcessingException e) {
            sink.accept(FeedItem.problem(open != null ? open : source, broken(e)));
        }
    }

    private void response(JsonParser p) throws IOException {
        boolean found = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if (p.nextToken() == JsonToken.START_ARRAY && field.equals("entries")) {
                found = true;
                entries(p);
            } else {
                p.skipChildren();
            }
        }
        if (!found) {
            sink.accept(FeedItem.problem(source, "JSON object without an \"entries\" array"));
        }
    }

    private void entries(JsonParser p) throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
            entry(p, t);
        }
    }

    private void entry(JsonParser p, JsonToken t) throws IOException {
        String where = source + "#" + next++;
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            sink.accept(FeedItem.problem(where, "entry is " + describe(t) + ", not a JSON object"));
            return;
        }
        open = where;
        String leaf = null;
        String extra = null;
        String problem = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            boolean ours = field.equals("leaf_input") || field.equals("extra_data");
            if (ours && value == JsonToken.VALUE_STRING) {
                if (field.equals("leaf_input")) {
                    leaf = p.getText();
                } else {
                    extra = p.getText();
                }
            } else {
                if (ours && problem == null) {
                    problem = field + " is " + describe(value) + ", not a base64 string";
                }
                p.skipChildren();
            }
        }
        open = null;
        if (problem == null && leaf == null) {
            problem = "entry has no leaf_input";
        }
        if (problem != null) {
            sink.accept(FeedItem.problem(where, problem));
            return;
        }
        try {
            for (String name : CtEntryNames.of(Objects.requireNonNull(leaf), extra)) {
                sink.accept(FeedItem.name(where, name));
            }
        } catch (IllegalArgumentException e) {
            sink.accept(FeedItem.problem(where, Objects.toString(e.getMessage(), e.toString())));
        }
    }

    private String broken(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String place = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        if (e instanceof JsonEOFException) {
            return "JSON ends early" + place + (open != null ? ", inside this entry" : "") + " (file cut short?)";
        }
        return "JSON syntax error" + place + " (" + FeedJson.message(e) + "); rest of file not read";
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }
}
