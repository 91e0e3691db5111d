package org.tocsin.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StixIdsTest {
    @Test
    void observableIdsAreTheUuid5TheStixSpecificationPrescribes() {
        // expected values computed independently: Python's uuid.uuid5(STIX namespace, canonical JSON)
        assertThat(new Observable("domain-name", "washingtonpost.pm").stixId())
                .isEqualTo("domain-name--bbfb1cb5-ab76-56d5-a08c-d0cb1dfc9908");
        assertThat(new Observable("ipv4-addr", "198.51.100.3").stixId())
                .isEqualTo("ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4");
        assertThat(new Observable("domain-name", "WashingtonPost.PM").stixId())
                .isEqualTo(new Observable("domain-name", "washingtonpost.pm").stixId());
    }
}
