package org.tocsin.site.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The loaded vocabulary of each US political camp ({@code tocsin/site/partisan-terms.txt}): a site whose articles
 * use one camp's and never the other's is written for one audience, as Storm-2035 ran sites for each side.
 */
public final class PartisanTerms {
    private static final String RESOURCE = "/tocsin/site/partisan-terms.txt";
    private static volatile @Nullable PartisanTerms bundled;
    private final Map<String, Pattern> camps; // camp -> one alternation of its phrases

    private PartisanTerms(Map<String, Pattern> camps) {
        this.camps = Map.copyOf(camps);
    }

    public static PartisanTerms bundled() {
        PartisanTerms b = bundled;
        if (b == null) {
            Map<String, List<String>> phrases = new LinkedHashMap<>();
            try (InputStream in = PartisanTerms.class.getResourceAsStream(RESOURCE);
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    int tab = line.indexOf('\t');
                    if (!line.startsWith("#") && tab > 0) {
                        phrases.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(Pattern.quote(line.substring(tab + 1)));
                    }
                }
            } catch (IOException | NullPointerException e) {
                throw new UncheckedIOException(new IOException("cannot read " + RESOURCE, e));
            }
            Map<String, Pattern> camps = new LinkedHashMap<>();
            phrases.forEach((camp, list) -> camps.put(camp, Pattern.compile("\\b(" + String.join("|", list) + ")\\b")));
            bundled = b = new PartisanTerms(camps);
        }
        return b;
    }

    /** How often each camp's phrases occur in a text, with the phrases found. */
    public Map<String, List<String>> hits(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Map<String, List<String>> out = new LinkedHashMap<>();
        camps.forEach((camp, p) -> {
            List<String> found = new ArrayList<>();
            Matcher m = p.matcher(lower);
            while (m.find()) {
                found.add(m.group(1));
            }
            out.put(camp, found);
        });
        return out;
    }
}
