package org.tocsin.scan;

import java.util.Objects;
import org.tocsin.profile.Profile;
import org.tocsin.site.CopyCheck;
import org.tocsin.site.assess.SiteRecords;
import org.tocsin.store.Tlp;

/**
 * What a scan is told besides its inputs.
 *
 * @param profile   what is defended (organisations, people, domains); {@link Profile#empty()} for none
 * @param tlp       how what the scan finds may be shared
 * @param copyCheck the reference articles sites are checked against for copies, or {@link CopyCheck#NONE}
 * @param records   registrations and certificates the analyst brings for site assessment, or {@link SiteRecords#NONE}
 */
public record ScanSettings(Profile profile, Tlp tlp, CopyCheck copyCheck, SiteRecords records) {
    public ScanSettings {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(copyCheck, "copyCheck");
        Objects.requireNonNull(records, "records");
    }

    /** The defaults: the given profile, TLP:AMBER, no copy check, no records. */
    public static ScanSettings of(Profile profile) {
        return new ScanSettings(profile, Tlp.AMBER, CopyCheck.NONE, SiteRecords.NONE);
    }
}
