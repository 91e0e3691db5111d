package org.tocsin.store.stix;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * STIX and TAXII timestamps: RFC 3339 in UTC with a {@code Z} and any fraction (STIX 2.1 §2.16), read into
 * instants and written back in the two forms the store uses.
 */
public final class StixTimestamps {
    /** Nine fraction digits at most: a version key has nanosecond precision and finer would collide. */
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    private static final DateTimeFormatter KEY = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private StixTimestamps() {
    }

    /** The instant a STIX timestamp names; IllegalArgumentException saying what is wrong otherwise. */
    public static Instant parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            throw new IllegalArgumentException("not a STIX timestamp (YYYY-MM-DDTHH:MM:SS[.fraction]Z, at most 9 fraction digits): "
                    + text);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a valid date and time: " + text, e);
        }
    }

    /** The version key: the instant in one spelling whose text order is time order. */
    static String key(Instant t) {
        return KEY.format(t);
    }

    /** How TAXII resources write date_added (microseconds, the precision the database keeps). */
    public static String micros(Instant t) {
        return MICROS.format(t);
    }

    /** Stored timestamps are UTC wall-clock values: no JVM time zone or daylight-saving shift can touch them. */
    static LocalDateTime toColumn(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    static Instant fromColumn(LocalDateTime t) {
        return t.toInstant(ZoneOffset.UTC);
    }

    /** Now, at the precision the database keeps, so an instant handed out is the instant read back. */
    static Instant nowMicros() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
