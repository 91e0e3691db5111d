package org.tocsin.social.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.profile.Organization;
import org.tocsin.profile.OrganizationKind;
import org.tocsin.profile.Person;
import org.tocsin.profile.Profile;

class PersonaCheckTest {
    private static final PersonaCheck CHECK = new PersonaCheck(new Profile(
            List.of(new Organization("Example Campaign", OrganizationKind.CAMPAIGN, List.of("examplecampaign.org"), List.of("examplecampaign"))),
            List.of(new Person("Jane Roe", List.of("jane@examplecampaign.org"), "Example Campaign")), List.of(), List.of(), List.of()));

    @Test
    void handlesAndNamesImitatingProtectedNamesAreFound() {
        assertThat(CHECK.check("JaneR0e", null)).get().satisfies(m -> {
            assertThat(m.impersonates()).isEqualTo("Jane Roe");
            assertThat(m.how()).contains("confusable spelling");
            assertThat(m.technique()).isEqualTo("T0146.005");
        });
        assertThat(CHECK.check("u123", "Jane Roe")).get().satisfies(m -> assertThat(m.technique()).isEqualTo("T0143.003"));
        assertThat(CHECK.check("ExampleCampaignHQ", null)).get().satisfies(m -> assertThat(m.how()).contains("with additions"));
        assertThat(CHECK.check("janeroes", null)).get().satisfies(m -> assertThat(m.how()).contains("one edit"));
    }

    @Test
    void unrelatedAccountsAreNot() {
        assertThat(CHECK.check("BlackToLive", "Black To Live")).isEmpty();
        assertThat(CHECK.check("jane", null)).isEmpty();
    }
}
