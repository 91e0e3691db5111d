package org.tocsin.social.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.tocsin.social.Account;
import org.tocsin.social.CoordinationSettings;
import org.tocsin.social.TraceKind;
import org.tocsin.text.MinHash;

/**
 * Creation bursts: accounts created within the account window of each other whose handles are one series
 * ({@code annasmith1987}, {@code annasmith2001}: the same letters once digits are dropped) or whose
 * descriptions are near-identical (MinHash bands, Jaccard verified, identical included). Persona farms are
 * registered in batches from one template; organic sign-ups are neither timed nor worded alike.
 */
public final class AccountTraces {
    private static final int MIN_SERIES_LETTERS = 5;

    private AccountTraces() {
    }

    /** Every co-action among the accounts, each pair reported once per key it shares. */
    public static void coActions(List<Account> accounts, CoordinationSettings settings, Consumer<CoAction> out) {
        long window = settings.accountWindow().toSeconds();
        WindowPairer.Rules rules = new WindowPairer.Rules(window, window, settings.maxPerKey(), settings.nearThreshold());
        List<Account> dated = new ArrayList<>();
        for (Account a : accounts) {
            if (a.createdAt() != null) {
                dated.add(a);
            }
        }
        dated.sort(Comparator.comparing(Account::createdAt).thenComparing(Account::accountId));
        Map<TraceKey, WindowPairer> pairers = new HashMap<>();
        long newest = Long.MIN_VALUE;
        int sinceSweep = 0;
        for (Account a : dated) {
            for (KeyedAction k : of(a)) {
                pairers.computeIfAbsent(k.key(), x -> new WindowPairer()).add(k.key(), k.action(), rules, out);
            }
            newest = Objects.requireNonNull(a.createdAt()).getEpochSecond(); // only dated accounts are here
            if (++sinceSweep == 10_000) {
                long horizon = newest - window;
                pairers.values().removeIf(p -> p.newest() < horizon);
                sinceSweep = 0;
            }
        }
    }

    /** The keyed actions of one account: its handle series and its description's bands. */
    public static List<KeyedAction> of(Account a) {
        List<KeyedAction> out = new ArrayList<>();
        long second = Objects.requireNonNull(a.createdAt(), "an account without a creation time has no traces").getEpochSecond();
        String handle = a.name() == null || a.name().isBlank() ? a.accountId() : a.name();
        String series = handle.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
        if (series.length() >= MIN_SERIES_LETTERS && !series.equals(handle.toLowerCase(Locale.ROOT))) {
            // only handles with digits or separators dropped form a series; a plain name is just a name
            out.add(new KeyedAction(PostTraces.key(TraceKind.ACCOUNT_BURST, "series:" + series),
                    Action.of(a.accountId(), "account " + a.accountId(), second, "handle series " + series)));
        }
        String description = a.description() == null ? "" : PostText.normalise(a.description());
        List<String> words = PostText.words(description);
        if (words.size() >= PostTraces.NEAR_MIN_WORDS) {
            long[] shingles = PostTraces.shingles(words);
            int[] sig = MinHash.signature(shingles, PostTraces.BANDS * PostTraces.ROWS);
            Action action = new Action(a.accountId(), "account " + a.accountId(), second,
                    "description \"" + (description.length() > 120 ? description.substring(0, 120) + "…" : description) + "\"", shingles, sig);
            for (int b = 0; b < PostTraces.BANDS; b++) {
                out.add(new KeyedAction(new TraceKey(TraceKind.ACCOUNT_BURST, PostTraces.bandHash(sig, b), b), action));
            }
        }
        return out;
    }
}
