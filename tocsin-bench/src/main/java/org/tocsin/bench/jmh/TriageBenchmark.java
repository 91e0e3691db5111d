package org.tocsin.bench.jmh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tocsin.email.EmailContext;
import org.tocsin.email.LurePhrases;
import org.tocsin.email.MailMessage;
import org.tocsin.email.MessageView;
import org.tocsin.email.read.MailReader;
import org.tocsin.email.triage.EmailTriage;
import org.tocsin.profile.ProfileLoader;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Scorer;

/**
 * Whole-message triage of the bundled examples (parse excluded), and the lure-phrase scan alone.
 * Run from the repository root so {@code examples/} is found.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TriageBenchmark {
    private final List<MailMessage> messages = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private EmailTriage triage;
    private int next;

    @Setup
    public void setUp() throws IOException {
        triage = new EmailTriage(new EmailContext(ProfileLoader.load(Path.of("examples/profile.yaml")),
                ReferenceData.bundled()), new Scorer(EmailTriage.DEFAULT_THRESHOLDS));
        MailReader reader = new MailReader();
        try (Stream<Path> files = Files.walk(Path.of("examples/mail"))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                reader.read(new ByteArrayInputStream(Files.readAllBytes(f)), f.toString(), item -> {
                    if (item.ok()) {
                        messages.add(item.message());
                        texts.add(new MessageView(item.message()).searchText());
                    }
                });
            }
        }
    }

    @Benchmark
    public Object triageMessage() {
        return triage.triage(messages.get(next++ % messages.size()));
    }

    @Benchmark
    public Object lurePhrases() {
        return LurePhrases.bundled().findAll(texts.get(next++ % texts.size()));
    }
}
