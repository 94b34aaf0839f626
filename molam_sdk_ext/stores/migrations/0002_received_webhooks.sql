-- Webhook events received by a merchant's endpoint: one row per event id, the exactly-once claim.
CREATE TABLE received_webhooks (
    event_id     text PRIMARY KEY,
    status       text NOT NULL CHECK (status IN ('processing', 'processed', 'failed')),
    attempts     integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error   text,
    claimed_at   double precision,
    expires_at   double precision NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now()
);

COMMENT ON COLUMN received_webhooks.claimed_at IS 'unix seconds when the processing claim was taken';
COMMENT ON COLUMN received_webhooks.expires_at IS 'unix seconds after which the record behaves as absent';

CREATE INDEX received_webhooks_expires_at ON received_webhooks (expires_at);
