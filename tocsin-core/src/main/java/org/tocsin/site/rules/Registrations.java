package org.tocsin.site.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When domains were registered, from records the analyst brings (no lookups are made): RDAP domain responses
 * (JSON, {@code ldhName} and the {@code registration} event, one per file or one per line) and WHOIS text
 * ({@code Domain Name:} and {@code Creation Date:} and their common variants). Operations register their news
 * sites weeks before they publish; a real local outlet's domain is years old.
 */
public final class Registrations {
    /** A file larger than this is not a registration record. */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WHOIS_DOMAIN = Pattern.compile("(?im)^\\s*domain(?: name)?\\s*:\\s*(\\S+)");
    private static final Pattern WHOIS_CREATED = Pattern.compile(
            "(?im)^\\s*(?:creation date|created(?: on)?|registered on|registration time|domain registration date)\\s*:\\s*(\\S+)");

    /** A domain's registration: when, and which record says so. */
    public record Registration(String domain, Instant registered, String source) {
    }

    /** What was read, and a problem per record that could not be. */
    public record Read(Map<String, Registration> byDomain, List<String> problems) {
    }

    private Registrations() {
    }

    public static Read read(Path path) throws IOException {
        Map<String, Registration> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path f : RecordFiles.under(path, MAX_FILE_BYTES, problems)) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            String trimmed = text.stripLeading();
            if (trimmed.startsWith("{")) {
                int n = 0;
                // JSON Lines when a record starts at the beginning of a later line; else one (pretty-printed) record
                for (String line : text.contains("\n{") ? text.split("\n") : new String[] {text}) {
                    n++;
                    if (!line.isBlank()) {
                        rdap(line, f + (n > 1 ? "#" + n : ""), out, problems);
                    }
                }
            } else {
                whois(text, f.toString(), out, problems);
            }
        }
        return new Read(out, problems);
    }

    private static void rdap(String json, String source, Map<String, Registration> out, List<String> problems) {
        try {
            JsonNode n = JSON.readTree(json);
            String domain = n.path("ldhName").asText("").toLowerCase(Locale.ROOT);
            for (JsonNode e : n.path("events")) {
                if (e.path("eventAction").asText().equals("registration") && !domain.isEmpty()) {
                    out.put(domain, new Registration(domain, instant(e.path("eventDate").asText()), source));
                    return;
                }
            }
            problems.add(source + ": RDAP record without ldhName and a registration event");
        } catch (JsonProcessingException | DateTimeParseException e) {
            problems.add(source + ": not an RDAP record: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private static void whois(String text, String source, Map<String, Registration> out, List<String> problems) {
        Matcher d = WHOIS_DOMAIN.matcher(text);
        Matcher c = WHOIS_CREATED.matcher(text);
        if (!d.find() || !c.find()) {
            problems.add(source + ": no Domain Name and Creation Date lines");
            return;
        }
        try {
            String domain = d.group(1).toLowerCase(Locale.ROOT);
            out.put(domain, new Registration(domain, instant(c.group(1)), source));
        } catch (DateTimeParseException e) {
            problems.add(source + ": creation date not understood: " + c.group(1));
        }
    }

    /** RFC 3339 with or without zone, or a bare date. */
    static Instant instant(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s.endsWith("Z") ? s : s + "Z");
            } catch (DateTimeParseException e2) {
                return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
        }
    }
}
