-- Evidence is stored once, addressed by its SHA-256; findings point at it; observables are STIX
-- cyber-observables with deterministic ids (UUIDv5), shared by every finding that saw them.
-- Portable SQL: the same script runs on H2 (embedded default) and PostgreSQL (teams).

CREATE TABLE evidence (
    sha256      CHAR(64)      PRIMARY KEY,
    source      VARCHAR(4096) NOT NULL,
    size_bytes  BIGINT        NOT NULL,
    kind        VARCHAR(32)   NOT NULL,
    ingested_at TIMESTAMP     NOT NULL
);

CREATE TABLE finding (
    id              CHAR(36)      PRIMARY KEY,
    evidence_sha256 CHAR(64)      NOT NULL REFERENCES evidence (sha256),
    kind            VARCHAR(32)   NOT NULL,
    subject         VARCHAR(4096) NOT NULL,
    verdict         VARCHAR(16)   NOT NULL,
    score           DOUBLE PRECISION NOT NULL,
    confidence      VARCHAR(16)   NOT NULL
);
CREATE INDEX finding_evidence ON finding (evidence_sha256);

CREATE TABLE finding_signal (
    finding_id CHAR(36)      NOT NULL REFERENCES finding (id),
    position   INT           NOT NULL,
    signal_id  VARCHAR(64)   NOT NULL,
    weight     DOUBLE PRECISION NOT NULL,
    evidence   VARCHAR(8192) NOT NULL,
    technique  VARCHAR(16)   NOT NULL,
    PRIMARY KEY (finding_id, position)
);

CREATE TABLE observable (
    id    VARCHAR(80)   PRIMARY KEY, -- the STIX id: type--uuid5
    type  VARCHAR(32)   NOT NULL,
    obs_value VARCHAR(4096) NOT NULL -- "value" is a keyword in H2
);

CREATE TABLE finding_observable (
    finding_id    CHAR(36)    NOT NULL REFERENCES finding (id),
    observable_id VARCHAR(80) NOT NULL REFERENCES observable (id),
    PRIMARY KEY (finding_id, observable_id)
);
CREATE INDEX finding_observable_by_observable ON finding_observable (observable_id);
