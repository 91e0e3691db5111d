-- What TAXII needs of stix_object beyond V2 (portable SQL for H2 and PostgreSQL).

-- version is kept as written, but "2024-05-01T10:00:00Z" and "2024-05-01T10:00:00.000Z" are one version, and
-- text order is not time order when fractions differ in length ("…00.5Z" sorts before "…00Z"). version_key is
-- the same instant written one way (UTC, nine fraction digits), so equality and order are plain string compares.
-- No writer of stix_object existed before this migration, so rows from V2 can only be test data: copied as is.
ALTER TABLE stix_object ADD COLUMN version_key VARCHAR(32) DEFAULT '' NOT NULL;
UPDATE stix_object SET version_key = version;
ALTER TABLE stix_object ALTER COLUMN version_key DROP DEFAULT;
CREATE UNIQUE INDEX stix_object_version_key ON stix_object (collection_id, id, version_key);
-- the latest version of an id across collections (exports of foreign objects)
CREATE INDEX stix_object_by_id_version ON stix_object (id, version_key);

-- Writers of stix_object take this row FOR UPDATE first, so they commit one after another and seq (taken inside
-- the lock) grows in commit order: a TAXII reader paging by seq never skips a row committed after its page.
CREATE TABLE stix_write_lock (id INT PRIMARY KEY);
INSERT INTO stix_write_lock (id) VALUES (1);
