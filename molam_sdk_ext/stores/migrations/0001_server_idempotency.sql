-- Idempotency records (client-side stores and the sandbox's server-side idempotency).
-- Times used for decisions are unix seconds (double precision) so every backend compares them exactly alike;
-- read them with to_timestamp(expires_at).
CREATE TABLE server_idempotency (
    key          text PRIMARY KEY,
    fingerprint  text NOT NULL,
    state        text NOT NULL CHECK (state IN ('in_progress', 'completed')),
    locked_at    double precision,
    expires_at   double precision NOT NULL,
    status       integer,
    headers      jsonb,
    body         bytea,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (state = 'in_progress' OR (status IS NOT NULL AND headers IS NOT NULL AND body IS NOT NULL))
);

COMMENT ON COLUMN server_idempotency.locked_at IS 'unix seconds when the in-progress claim was taken';
COMMENT ON COLUMN server_idempotency.expires_at IS 'unix seconds after which the record behaves as absent';
COMMENT ON COLUMN server_idempotency.headers IS 'stored response headers, in order: [[name, value], ...]';

CREATE INDEX server_idempotency_expires_at ON server_idempotency (expires_at);
