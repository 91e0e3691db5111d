package org.tocsin.social.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tocsin.social.Account;
import org.tocsin.social.CoordinationSettings;
import org.tocsin.social.TraceKind;

class AccountTracesTest {
    private static final String TEMPLATE = "Proud Michigan mom and patriot. Fighting for fair elections and our kids' future.";

    @Test
    void aBatchFromOneTemplateIsABurstAndOrdinarySignUpsAreNot() {
        Instant t = Instant.parse("2024-08-02T03:10:00Z");
        List<Account> accounts = List.of(
                new Account("1", t, "annasmith1987", "Coffee first."),
                new Account("2", t.plusSeconds(600), "annasmith2001", "Runner. Reader."),
                new Account("3", t.plusSeconds(900), "MichiganMomsVote", TEMPLATE),
                new Account("4", t.plusSeconds(1200), "DetroitVoiceNow", TEMPLATE),
                new Account("5", t.plusSeconds(7 * 3600), "LansingLiberty1", TEMPLATE), // same template, hours later
                new Account("6", t.plusSeconds(60), "kelly_runs", "Runner, reader, coffee person."),
                new Account("7", null, "annasmith1990", "no creation time: cannot be in a burst"));
        List<CoAction> out = new ArrayList<>();
        AccountTraces.coActions(accounts, CoordinationSettings.DEFAULTS, out::add);
        assertThat(out).allSatisfy(c -> assertThat(c.kind()).isEqualTo(TraceKind.ACCOUNT_BURST))
                .extracting(c -> c.accountA() + "-" + c.accountB() + ": " + c.item())
                .containsExactlyInAnyOrder("1-2: handle series annasmith", "3-4: description \"" + TEMPLATE.toLowerCase(Locale.ROOT) + "\"");
    }
}
