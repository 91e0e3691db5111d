package org.tocsin.server;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Answers refused sign-ins ({@link SignInRefused}) after a pause, as mail and SSH servers answer failed logins
 * (Dovecot's auth_failure_delay, Postfix's error sleep): a guesser that sends its next attempt when the last is
 * answered is slowed to one attempt per pause per connection, instead of keeping the server busy writing
 * refusals as fast as it can ask. The pause holds no server thread (the answer is completed by a timer), and at
 * most {@code maxWaiting} answers wait at once: beyond that, one is answered at once and its connection closed.
 */
final class SlowRefusals implements AutoCloseable {
    static final Duration PAUSE = Duration.ofSeconds(1);
    private final Duration pause;
    private final Semaphore waiting;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tocsin-refusals");
        t.setDaemon(true);
        return t;
    });

    SlowRefusals(Duration pause, int maxWaiting) {
        this.pause = pause;
        this.waiting = new Semaphore(maxWaiting);
    }

    /** Answers the request with the refusal, after the pause when it can. */
    void answer(Context ctx, SignInRefused refusal) {
        if (pause.isZero() || !waiting.tryAcquire()) {
            ctx.header("Connection", "close");
            throw refusal;
        }
        CompletableFuture<Void> later = new CompletableFuture<>();
        try {
            Future<?> unused = timer.schedule(() -> { // the task cannot throw; its outcome is `later`
                waiting.release();
                later.completeExceptionally(refusal);
            }, pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) { // stopping
            waiting.release();
            throw refusal;
        }
        ctx.future(() -> later);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
