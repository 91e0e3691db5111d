import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A wrong-password flood against a local TAXII server (docs/performance.md): THREADS threads, each sending GETs with
 * HTTP Basic and a new wrong password as fast as the server answers (closed loop, one connection per request), from
 * loopback source addresses 127.0.0.2 and up (one per thread with --spread, all from 127.0.0.1 with --same, else all
 * from 127.0.0.2). Runs for
 * SECONDS and then prints how many answers of each status came back and their rate. Loopback only, bounded in time.
 *
 * <pre>java bench/WrongPasswordFlood.java PORT PATH ACCOUNT THREADS SECONDS [--spread|--same]</pre>
 */
public final class WrongPasswordFlood {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String path = args[1];
        String account = args[2];
        int threads = Integer.parseInt(args[3]);
        long seconds = Long.parseLong(args[4]);
        boolean spread = args.length > 5 && args[5].equals("--spread");
        boolean same = args.length > 5 && args[5].equals("--same");
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        LongAdder errors = new LongAdder();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            String from = "127.0.0." + (spread ? 2 + t : same ? 1 : 2);
            int id = t;
            workers[t] = new Thread(() -> {
                for (long n = 0; System.nanoTime() < end; n++) {
                    String credentials = Base64.getEncoder().encodeToString((account + ":wrong-" + id + "-" + n)
                            .getBytes(StandardCharsets.UTF_8));
                    try {
                        statuses.computeIfAbsent(get(port, from, path, credentials), k -> new LongAdder()).increment();
                    } catch (IOException e) {
                        errors.increment();
                    }
                }
            }, "flood-" + t);
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.sum()));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("flood: %d threads from %s for %d s: %d answers (%.1f/s) %s, %d connection errors%n", threads,
                spread ? "127.0.0.2-" + (1 + threads) : same ? "127.0.0.1" : "127.0.0.2", seconds, total, total / (double) seconds, counts, errors.sum());
    }

    private static int get(int port, String from, String path, String credentials) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: application/taxii+json;version=2.1\r\n"
                    + "Authorization: Basic " + credentials + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] head = in.readNBytes(12); // "HTTP/1.1 429"
            in.transferTo(OutputStream.nullOutputStream());
            return Integer.parseInt(new String(head, StandardCharsets.ISO_8859_1).substring(9, 12));
        }
    }
}
