package org.tocsin.social.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.social.Account;

class AccountsReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private Path file(String name, String content) throws IOException {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCsvInAnyColumnOrderWithBadRowsSkipped() throws IOException {
        Path csv = file("accounts.csv", Sources.resource("accounts.csv"));
        AccountsReader.Read read = AccountsReader.read(csv);

        assertThat(read.byId()).containsOnlyKeys("1", "2", "4");
        assertThat(read.byId().get("1")).isEqualTo(new Account("1", Instant.parse("2019-03-02T10:00:00Z"), "alice_civic",
                "Civic volunteer, Marlow County"));
        Account bob = read.byId().get("2");
        assertThat(bob.createdAt()).isEqualTo(Instant.parse("2024-10-30T00:00:00Z"));
        assertThat(bob.description()).startsWith("Breaking news").endsWith("24/7");
        assertThat(read.byId().get("4")).isEqualTo(new Account("4", null, "dave", null));
        assertThat(read.problems()).containsExactly(csv + "#5: no account_id",
                csv + "#6: created_at \"last tuesday\" is not an ISO-8601 time");
    }

    @Test
    void jsonLinesWithTheSameNames() throws IOException {
        Path jsonl = file("accounts.jsonl", """
                {"account_id": 1, "account_name": "alice_civic", "created_at": "2019-03-02T10:00:00+02:00", "followers": 3}

                {"account_id": "2", "name": "bob_news", "description": {"not": "text"}}
                {"name": "nobody"}
                {"account_id": "3", "created_at": "Tuesday"}
                {"account_id": "1", "name": "alice_renamed"}
                """);
        AccountsReader.Read read = AccountsReader.read(jsonl);
        assertThat(read.byId()).containsOnlyKeys("1", "2");
        // a later row for an id replaces the earlier one
        assertThat(read.byId().get("1")).isEqualTo(new Account("1", null, "alice_renamed", null));
        assertThat(read.byId().get("2")).isEqualTo(new Account("2", null, "bob_news", null));
        assertThat(read.problems()).containsExactly(jsonl + "#4: no account_id",
                jsonl + "#5: created_at \"Tuesday\" is not an ISO-8601 time");
    }

    @Test
    void hostileJsonLinesCostTheirOwnLine() throws IOException {
        String lines = "{\"account_id\": \"1\", \"name\": \"fine\"}\n"
                + "{\"account_id\": \"2\", \"na\n" // cut mid-object
                + "[\"account_id\", \"3\"]\n" // an array where an object is expected
                + "{\"account_id\": \"4\", \"x\": " + Sources.nested(10_000) + "}\n"
                + "{\"account_id\": \"5\", \"description\": \"" + "d".repeat(5 * 1024 * 1024) + "\"}\n"
                + "{\"account_id\": \"6\", \"name\": \"bad@@bytes\"}\n"
                + "{\"account_id\": \"7\", \"name\": \"last\"}";
        Path jsonl = file("accounts.jsonl", Sources.withInvalidUtf8(lines, "@@"));
        AccountsReader.Read read = AccountsReader.read(jsonl);
        assertThat(read.byId()).containsOnlyKeys("1", "6", "7");
        assertThat(read.byId().get("6").name()).startsWith("bad").endsWith("bytes").contains("\uFFFD");
        assertThat(read.problems()).satisfiesExactly(
                p -> assertThat(p).startsWith(jsonl + "#2: JSON unreadable"),
                p -> assertThat(p).isEqualTo(jsonl + "#3: not a JSON object"),
                p -> assertThat(p).startsWith(jsonl + "#4: ").contains("nesting depth"),
                p -> assertThat(p).startsWith(jsonl + "#5: record longer than"));
    }

    @Test
    void aCsvWithAHugeFieldOrInvalidBytesOrNoAccountIdColumn() throws IOException {
        Path csv = file("a.csv", Sources.withInvalidUtf8("account_id,name,description\n1,alice,\"" + "d".repeat(5 * 1024 * 1024)
                + "\"\n2,b@@ob,ok\n", "@@"));
        AccountsReader.Read read = AccountsReader.read(csv);
        assertThat(read.byId()).containsOnlyKeys("2");
        assertThat(read.byId().get("2").name()).contains("\uFFFD");
        assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p).startsWith(csv + "#2: record longer than"));

        Path posts = file("posts.csv", "post_id,user,created_at\n1,2,2024-01-01\n");
        assertThat(AccountsReader.read(posts).problems()).containsExactly(posts + "#1: not an accounts file: the header lacks account_id");
        assertThat(AccountsReader.read(posts).byId()).isEmpty();
    }

    @Test
    void anEmptyFileIsAProblem() throws IOException {
        Path empty = file("empty.csv", "");
        assertThat(AccountsReader.read(empty)).isEqualTo(new AccountsReader.Read(java.util.Map.of(), java.util.List.of(empty + ": empty")));
        Path blank = file("blank.csv", "\uFEFF \n\n");
        assertThat(AccountsReader.read(blank).problems()).containsExactly(blank + ": empty");
    }

    @Test
    void aFileOverTheBoundIsRefusedUnread() throws IOException {
        Path big = dir.resolve("big.csv");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(AccountsReader.MAX_BYTES + 1); // sparse: no disk used
        }
        AccountsReader.Read read = AccountsReader.read(big);
        assertThat(read.byId()).isEmpty();
        assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p).startsWith(big + ": ").contains("512 MB"));
    }

    @Test
    void problemsPastTheBoundAreCounted() throws IOException {
        StringBuilder b = new StringBuilder("account_id,created_at\n");
        int bad = AccountsReader.MAX_PROBLEMS + 500;
        for (int i = 0; i < bad; i++) {
            b.append(i).append(",never\n");
        }
        b.append("ok,\n");
        Path csv = file("bad.csv", b.toString());
        AccountsReader.Read read = AccountsReader.read(csv);
        assertThat(read.byId()).containsOnlyKeys("ok");
        assertThat(read.problems()).hasSize(AccountsReader.MAX_PROBLEMS + 1);
        assertThat(read.problems().get(AccountsReader.MAX_PROBLEMS)).isEqualTo(csv + ": 500 more problems");
    }
}
