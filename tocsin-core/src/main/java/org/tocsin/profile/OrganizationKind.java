package org.tocsin.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

public enum OrganizationKind {
    CAMPAIGN, ELECTION_OFFICE, NEWS_OUTLET, GOVERNMENT, OTHER;

    @JsonCreator
    public static OrganizationKind parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown organization kind '" + value
                    + "' (campaign | election-office | news-outlet | government | other)");
        }
    }
}
