-- The webhook inbox: received_webhooks also keeps each verified event's payload for Celery workers
-- (molam_sdk_ext.stores.webhook_inbox), with two more statuses and the sweeper's due time.
ALTER TABLE received_webhooks DROP CONSTRAINT received_webhooks_status_check;
ALTER TABLE received_webhooks ADD CONSTRAINT received_webhooks_status_check
    CHECK (status IN ('received', 'processing', 'processed', 'failed', 'dead'));
ALTER TABLE received_webhooks
    ADD COLUMN event_type text,
    ADD COLUMN payload bytea,
    ADD COLUMN received_unix double precision,
    ADD COLUMN due_at double precision;

COMMENT ON COLUMN received_webhooks.payload IS 'the verified event body (inbox records only; NULL for inline claims)';
COMMENT ON COLUMN received_webhooks.due_at IS 'unix seconds when the sweeper must enqueue the event (again)';

-- The sweeper's and the stats' scans only look at inbox events not done yet.
CREATE INDEX received_webhooks_inbox_due ON received_webhooks (due_at)
    WHERE payload IS NOT NULL AND status IN ('received', 'processing', 'failed');
CREATE INDEX received_webhooks_inbox_status ON received_webhooks (status, received_unix)
    WHERE payload IS NOT NULL;
