package org.tocsin.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.tocsin.input.JsonLimits;
import org.tocsin.intel.ThreatActors;
import org.tocsin.store.ImportSummary;
import org.tocsin.store.Store;
import org.tocsin.store.misp.MispImport;
import org.tocsin.store.stix.StixImport;
import org.tocsin.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tocsin import FILE...}: STIX 2.1 bundles and MISP events into the store; the format is read from the JSON. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import STIX 2.1 bundles (or TAXII envelopes) and MISP events into the store. Tocsin's own exports come"
                + " back whole (findings with their evidence, indicators); a partner's objects are kept as received and their"
                + " indicators (simple STIX patterns, MISP attributes for detection) become known indicators for attribution.",
                "FILE: JSON files; the format is read from the content."})
final class ImportCommand implements Callable<Integer> {
    /** Larger than any sane bundle a person imports by hand, small enough that a hostile file cannot exhaust memory. */
    private static final long MAX_BYTES = JsonLimits.MAX_DOCUMENT_BYTES;
    /** The limits every entry point reads under (the TAXII server's too), so that what one stores the other reads. */
    private static final ObjectMapper JSON = JsonLimits.mapper();

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    /** File names and what partners sent are shown escaped ({@link TerminalText}). */
    private static String esc(Path file) {
        return TerminalText.escape(file.toString());
    }

    @Override
    public Integer call() {
        int failed = 0;
        try (Store store = storeOptions.open()) {
            for (Path file : files) {
                JsonNode doc;
                try {
                    if (Files.size(file) > MAX_BYTES) {
                        throw new IOException("larger than " + (MAX_BYTES >> 20) + " MiB");
                    }
                    try (InputStream in = Files.newInputStream(file)) {
                        doc = JSON.readTree(in);
                    }
                } catch (StreamConstraintsException e) {
                    System.err.println("tocsin: " + esc(file) + ": beyond the input limits (docs/sharing.md): "
                            + TerminalText.escape(e.getOriginalMessage()));
                    failed++;
                    continue;
                } catch (JsonProcessingException e) {
                    System.err.println("tocsin: " + esc(file) + ": not JSON: " + TerminalText.escape(e.getOriginalMessage()));
                    failed++;
                    continue;
                } catch (IOException e) {
                    System.err.println("tocsin: " + esc(file) + ": cannot read: " + TerminalText.escape(e.getMessage()));
                    failed++;
                    continue;
                }
                String format;
                if (doc != null && (doc.has("Event") || doc.has("response") || doc.has("Attribute"))) {
                    format = "MISP";
                } else if (doc != null && (doc.has("objects") || doc.isArray() || doc.has("type"))) {
                    format = "STIX";
                } else {
                    System.err.println("tocsin: " + esc(file) + ": neither a STIX bundle nor a MISP event");
                    failed++;
                    continue;
                }
                if (!importInto(store, file, format, doc)) {
                    failed++;
                }
            }
        } catch (SQLException e) {
            throw new UsageProblem("store " + storeOptions.url() + ": " + e.getMessage());
        }
        return failed == files.size() ? ExitCodes.INPUT : ExitCodes.OK;
    }

    /**
     * Imports one document and prints its summary, whatever happens: each object is its own unit (one the store refuses
     * is a problem, the rest go in), and if the store is lost midway the summary says what went in before.
     *
     * @return false when the import ended early
     */
    private static boolean importInto(Store store, Path file, String format, JsonNode doc) {
        ImportSummary s = new ImportSummary();
        boolean whole = true;
        try {
            if (format.equals("MISP")) {
                new MispImport(ThreatActors.bundled()).into(store, doc, s);
            } else {
                new StixImport(ThreatActors.bundled()).into(store, StixImport.objectsOf(doc), StixImport.COLLECTION, s);
            }
        } catch (SQLException e) {
            s.problem("the import ended here, the store lost: " + ImportSummary.reason(e));
            whole = false;
        }
        System.out.println(esc(file) + " (" + format + "): " + TerminalText.escape(s.line()));
        s.problems().forEach(p -> System.err.println("tocsin: " + esc(file) + ": " + TerminalText.escape(p)));
        return whole;
    }
}
