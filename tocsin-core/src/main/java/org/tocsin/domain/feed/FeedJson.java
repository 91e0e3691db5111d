package org.tocsin.domain.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import org.tocsin.input.JsonLimits;

/** The streaming JSON set-up and error wording that the JSON feed readers share. */
final class FeedJson {
    /** For get-entries files, and for sniffing the first field name of a JSON feed. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            // a raw control byte inside a base64 string is that entry's problem, not the end of the feed
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            // Tocsin's input limits (JsonLimits), with room for what LongStringCutter lets through (values and field
            // names alike), so an over-long field is its entry's problem; long numbers too, within a bound
            .streamReadConstraints(JsonLimits.constraints().rebuild()
                    .maxStringLength(CtEntryNames.MAX_BASE64 + 16)
                    .maxNameLength(CtEntryNames.MAX_BASE64 + 16)
                    .maxNumberLength(CtEntryNames.MAX_BASE64)
                    .build())
            .build();

    private FeedJson() {}

    /** Jackson's message without the "[Source: REDACTED ...]" boilerplate it puts into nested locations. */
    static String message(JsonProcessingException e) {
        return e.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "[");
    }
}
