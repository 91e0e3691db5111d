-- Free text has no length limit: a partner's 10 MB description, a MISP comment, a long URL, a long mail subject or a
-- signal's evidence must never lose an import or a scan ("Value too long for column NOTE" stopped imports midway).
-- TEXT is a character large object on H2 and unbounded text on PostgreSQL; none of these columns is indexed or
-- compared. Identifiers keep their widths (sha256, STIX ids, types, TLP and verdict words): their values are bounded
-- by what they are, and readers refuse a longer one as that item's problem before it reaches the store.
-- Portable SQL (SET DATA TYPE keeps NOT NULL on both); PostgreSQL runs it in one transaction with the rest.

ALTER TABLE evidence ALTER COLUMN source SET DATA TYPE TEXT;
ALTER TABLE finding ALTER COLUMN subject SET DATA TYPE TEXT;
ALTER TABLE finding_signal ALTER COLUMN evidence SET DATA TYPE TEXT;
ALTER TABLE observable ALTER COLUMN obs_value SET DATA TYPE TEXT;
ALTER TABLE indicator ALTER COLUMN actor SET DATA TYPE TEXT;
ALTER TABLE indicator ALTER COLUMN source SET DATA TYPE TEXT;
ALTER TABLE indicator ALTER COLUMN note SET DATA TYPE TEXT;
ALTER TABLE indicator ALTER COLUMN techniques SET DATA TYPE TEXT;
