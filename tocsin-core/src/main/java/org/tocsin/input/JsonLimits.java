package org.tocsin.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one set of limits on JSON that Tocsin reads from others, and the parsers built with them: {@code import} (STIX
 * and MISP), a TAXII POST, the post archives and the content sniffer all read through here. One set, because what one
 * entry point accepts is stored and exported, and every other entry point must read it back: when the TAXII server
 * allowed 1,000 levels and {@code import} 200, a partner's POST broke the store's own export. Pinned here rather than
 * left to Jackson's defaults, so that an upgrade cannot move them.
 *
 * <p>Nesting counts every object and array from the document's top: a STIX object inside a bundle or a TAXII envelope
 * (both {@code {"objects": [ … ]}}) may itself nest {@value #MAX_DEPTH} − 2 levels, and a bundle exported from the
 * store wraps every object exactly as deep as the envelope it came in, so whatever a POST stored exports and imports.
 *
 * <p>Numbers are read exactly ({@link DeserializationFeature#USE_BIG_DECIMAL_FOR_FLOATS}, trailing zeros kept): read as
 * doubles, {@code 1e400} became Infinity, which is not JSON, and an export holding it would not have read back.
 */
public final class JsonLimits {
    /** Levels of objects and arrays, from the document's top. No STIX object, MISP event or post needs twenty. */
    public static final int MAX_DEPTH = 200;
    /** Characters in one string value: room for a 10 MB STIX description or MISP comment, and more. */
    public static final int MAX_STRING = 32 * 1024 * 1024;
    /** Characters in one property name. */
    public static final int MAX_NAME = 64 * 1024;
    /** Characters in one number (Jackson's default): a longer one is no value anyone means. */
    public static final int MAX_NUMBER = 1000;
    /**
     * Bytes of one document read whole: an import file, a TAXII POST (whose max_content_length may not exceed it). Not
     * a parser limit: the streaming readers (post archives, CT feeds) read files of gigabytes an item at a time.
     */
    public static final long MAX_DOCUMENT_BYTES = 512L << 20;
    /** Levels a STIX object may nest itself: in a bundle or TAXII envelope it sits two levels down. */
    public static final int MAX_OBJECT_DEPTH = MAX_DEPTH - 2;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING).maxNameLength(MAX_NAME).maxNumberLength(MAX_NUMBER).build();
    /** The nesting an older release's TAXII server let in (Jackson's default): what a store may hold from before. */
    private static final int STORED_DEPTH = 1000;
    private static final ObjectMapper MAPPER = exact(CONSTRAINTS);
    private static final ObjectMapper STORED = exact(CONSTRAINTS.rebuild().maxNestingDepth(STORED_DEPTH).build());

    private JsonLimits() {
    }

    private static ObjectMapper exact(StreamReadConstraints constraints) {
        return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    /** The limits, for a factory that needs other features too (build it with {@code streamReadConstraints}). */
    public static StreamReadConstraints constraints() {
        return CONSTRAINTS;
    }

    /** A new factory with these limits. */
    public static JsonFactory factory() {
        return JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
    }

    /**
     * The mapper every entry point reads documents with (thread-safe, shared). Writing through it is fine too: what it
     * read, it writes back the same.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads back JSON the store itself holds, exactly as {@link #mapper} does but to {@value #STORED_DEPTH} levels: what
     * came in through here is within the limits, but an older release let deeper objects in, and those must still read
     * (an export leaves them out, saying so, rather than fail).
     */
    public static ObjectMapper storedMapper() {
        return STORED;
    }

    /**
     * How many levels of objects and arrays a tree nests: 0 for a scalar, 1 for an object of scalars. For trees that
     * were read already (the parser bounded them), so the recursion is bounded too.
     */
    public static int depth(JsonNode node) {
        int deepest = 0;
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                deepest = Math.max(deepest, depth(child));
            }
            return deepest + 1;
        }
        return 0;
    }
}
