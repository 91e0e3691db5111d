package org.tocsin.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.tocsin.store.Store;

/**
 * A process that opens the default store first (and so serves the file to every process that comes after it) and
 * holds it until a line arrives on stdin, then closes it and exits; or until it is killed.
 */
public final class StoreHolder {
    private StoreHolder() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        try (Store store = Store.open(Store.defaultUrl(), "sa", "")) {
            store.count(Store.Table.EVIDENCE);
            System.out.println("holding");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
        }
    }
}
