package org.tocsin.email.triage;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tocsin.email.MailAddress;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.signal.Assessment;
import org.tocsin.signal.Indicator;

/**
 * The triage of one message.
 *
 * @param evidence    the message triaged (for a report, the reported message inside it)
 * @param reporter    who forwarded it as a report, or {@code null}
 * @param subject     decoded subject, for people reading the output
 * @param from        the From header as parsed, or {@code null}
 * @param indicators  what to block: empty for clean messages
 * @param techniques  ATT&amp;CK techniques of the signals, in first-seen order
 * @param problems    what the parser could not read (the assessment covers only what it saw)
 */
public record TriageResult(EvidenceRef evidence, String messageId, @Nullable String reporter, String subject, @Nullable MailAddress from,
                           Assessment assessment, List<Indicator> indicators, List<String> techniques,
                           List<String> problems) {
    public TriageResult {
        indicators = List.copyOf(indicators);
        techniques = List.copyOf(techniques);
        problems = List.copyOf(problems);
    }
}
