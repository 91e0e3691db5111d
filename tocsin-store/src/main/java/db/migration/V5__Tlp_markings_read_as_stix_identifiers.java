package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.tocsin.store.stix.MarkingRecheck;

/**
 * The store's one migration in Java (Flyway finds it beside the SQL ones, in db/migration): every STIX object's TLP
 * level read again with marking ids compared as STIX identifiers, so that an object marked TLP:RED in capitals before
 * 0.2, which partners were served, is red ({@link MarkingRecheck}). In the migration's transaction (one on PostgreSQL).
 */
public class V5__Tlp_markings_read_as_stix_identifiers extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        MarkingRecheck.run(context.getConnection());
    }

    /** Fixed, so that validation never sees this migration change (its effect depends on the store, not on this text). */
    @Override
    public Integer getChecksum() {
        return 5;
    }
}
