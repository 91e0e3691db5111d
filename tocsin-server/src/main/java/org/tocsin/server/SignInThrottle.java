package org.tocsin.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.tocsin.evidence.Sha256;

/**
 * Failed password sign-ins, counted per client address and per account name, and how long each must wait before
 * a password is checked again. A password check costs a PBKDF2 run, so a guesser refused here costs the server
 * no hash, whatever name it tries.
 *
 * <p>The rules, as servers that face password guessing apply them (fail2ban's per-address bans first, a per-account
 * delay like Entra ID's smart lockout rather than a lock):
 * <ul>
 *   <li><b>Per address first.</b> After {@link Limits#addressFree} failures an address waits 1 s, then twice as long
 *   after each further failure, up to {@link Limits#addressMaxWait}. One address guessing one account's password is
 *   stopped here long before the account is touched, so the account's owner elsewhere is not affected.</li>
 *   <li><b>Per account, a delay and not a lock.</b> After {@link Limits#accountFree} failures on one name (from any
 *   addresses: a guesser spread over many) that name waits the same way, up to {@link Limits#accountMaxWait} only,
 *   and only for addresses that have not signed in to that account before: its owner's usual addresses (the
 *   last {@link Limits#familiar} pairs that signed in) are never delayed by what others try on the name.</li>
 *   <li><b>Names are counted whether an account has them or not</b>, so that an unknown name and a known one with a
 *   wrong password are answered alike, before and after the limit.</li>
 *   <li>A success does not clear failures (an attacker holding one account's password could otherwise wipe its
 *   address's count between guesses at others); failures are forgotten after {@link Limits#forgetAfter} without one.
 *   A refused attempt is not a failure: whoever waits as told is checked.</li>
 *   <li><b>Bounded memory.</b> Each table keeps the most recently active {@link Limits#tableSize} entries (least
 *   recently used evicted), keys are short (an IPv6 client is counted by its /64, {@link ClientAddress}; a long
 *   name by its SHA-256), so no stream of new addresses or names grows them.</li>
 * </ul>
 * A check is claimed before it runs ({@link #claim}), counting as a failure until it {@link #succeeded}: many
 * concurrent guesses from one address cannot all slip through while the first ones are being hashed.
 */
final class SignInThrottle {
    /**
     * The limits; {@link #DEFAULT} is what the server uses.
     *
     * @param addressFree    failures an address may have before it waits
     * @param addressMaxWait the longest wait of an address
     * @param accountFree    failures a name may have (from every address together) before unfamiliar addresses wait
     * @param accountMaxWait the longest wait on a name
     * @param forgetAfter    failures are forgotten after this long without a new one
     * @param tableSize      addresses and names kept, each
     * @param familiar       (name, address) pairs that signed in, kept
     */
    record Limits(int addressFree, Duration addressMaxWait, int accountFree, Duration accountMaxWait, Duration forgetAfter,
                  int tableSize, int familiar) {
        static final Limits DEFAULT = new Limits(5, Duration.ofMinutes(15), 10, Duration.ofMinutes(1), Duration.ofHours(1),
                10_000, 10_000);
    }

    /** Failures of one address or name: how many, and when the last one was claimed (System.nanoTime). */
    private static final class Strikes {
        int count;
        long last;
    }

    private static final long FIRST_WAIT = Duration.ofSeconds(1).toNanos();
    private final Limits limits;
    private final LongSupplier nanos;
    private final Map<String, Strikes> addresses;
    private final Map<String, Strikes> names;
    private final Map<String, Boolean> familiar;

    SignInThrottle(Limits limits, LongSupplier nanos) {
        this.limits = limits;
        this.nanos = nanos;
        this.addresses = lru(limits.tableSize());
        this.names = lru(limits.tableSize());
        this.familiar = lru(limits.familiar());
    }

    SignInThrottle() {
        this(Limits.DEFAULT, System::nanoTime);
    }

    /** How long a sign-in as {@code name} from {@code address} must still wait; zero when a check may run. */
    synchronized Duration waitFor(String address, String name) {
        return Duration.ofNanos(waitNanos(address, key(name)));
    }

    /**
     * Claims a password check: zero, counted as a failure until {@link #succeeded}; or, when the address or the name
     * must wait, how long (nothing counted).
     */
    synchronized Duration claim(String address, String name) {
        String key = key(name);
        long wait = waitNanos(address, key);
        if (wait > 0) {
            return Duration.ofNanos(wait);
        }
        long now = nanos.getAsLong();
        strike(addresses, address, now);
        strike(names, key, now);
        return Duration.ZERO;
    }

    /** The password was right: the claim made for it is taken back, and the address is now familiar to the name. */
    synchronized void succeeded(String address, String name, boolean claimed) {
        String key = key(name);
        if (claimed) {
            unstrike(addresses.get(address));
            unstrike(names.get(key));
        }
        familiar.put(key + "\n" + address, Boolean.TRUE);
    }

    /** How many addresses, names and familiar pairs are kept (tests: the bound). */
    synchronized java.util.List<Integer> sizes() {
        return java.util.List.of(addresses.size(), names.size(), familiar.size());
    }

    private long waitNanos(String address, String key) {
        long now = nanos.getAsLong();
        long wait = remaining(addresses, address, limits.addressFree(), limits.addressMaxWait(), now);
        if (wait == 0 && !familiar.containsKey(key + "\n" + address)) {
            wait = remaining(names, key, limits.accountFree(), limits.accountMaxWait(), now);
        }
        return wait;
    }

    /** What is left of the wait that an entry's failures impose: 1 s after the first beyond {@code free}, doubling, capped. */
    private long remaining(Map<String, Strikes> table, String key, int free, Duration max, long now) {
        Strikes s = table.get(key);
        if (s == null || s.count < free) {
            return 0;
        }
        int beyond = s.count - free; // 0 for the first failure past the free ones
        long wait = beyond >= 30 ? max.toNanos() : Math.min(FIRST_WAIT << beyond, max.toNanos()); // 2^30 s: past any cap
        return Math.max(0, s.last + wait - now);
    }

    private void strike(Map<String, Strikes> table, String key, long now) {
        Strikes s = table.computeIfAbsent(key, k -> new Strikes());
        if (s.count > 0 && now - s.last > limits.forgetAfter().toNanos()) {
            s.count = 0;
        }
        s.count++;
        s.last = now;
    }

    private static void unstrike(Strikes s) {
        if (s != null && s.count > 0) {
            s.count--;
        }
    }

    /** A name as a table key: itself when short, else its SHA-256 (an 8 KiB header must not make an 8 KiB key). */
    private static String key(String name) {
        return name.length() <= 128 ? name : "sha256:" + Sha256.of(name.getBytes(StandardCharsets.UTF_8));
    }

    private static <V> Map<String, V> lru(int capacity) {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
