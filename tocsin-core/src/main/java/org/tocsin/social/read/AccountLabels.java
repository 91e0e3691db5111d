package org.tocsin.social.read;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Known categories of accounts, for measuring clusters against them: a CSV with {@code account_id} and
 * {@code category} columns (the IRA data's {@code accounts_truth.csv} is one).
 */
public final class AccountLabels {
    private AccountLabels() {
    }

    /** Category by account id; rows without both are skipped. */
    public static Map<String, String> read(Path path) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (Reader r = Files.newBufferedReader(path)) {
            CsvRecords records = new CsvRecords(r, 64 * 1024);
            List<String> header = records.next();
            if (header == null) {
                return out;
            }
            int id = -1;
            int category = -1;
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
                id = h.equals("account_id") ? i : id;
                category = h.equals("category") ? i : category;
            }
            if (id < 0 || category < 0) {
                throw new IOException("the header has no account_id and category columns");
            }
            List<String> row;
            while ((row = records.next()) != null) {
                if (row.size() > Math.max(id, category) && !row.get(id).isBlank() && !row.get(category).isBlank()) {
                    out.put(row.get(id).strip(), row.get(category).strip());
                }
            }
        } catch (CsvRecords.BadRecord e) {
            throw new IOException(e.getMessage());
        }
        return out;
    }
}
