-- Migration 20261207055956_ChainHeadAndTriggerPlans. Never edited: a change is a new version and a new migration (README.md).
-- As v1, but the head is read from the table once per transaction: the transaction's first audit
-- row takes the advisory lock and reads the head; each row then leaves its own seq and hash in the
-- transaction-local setting portal.audit_chain_head (keyed by the transaction id, rolled back with
-- a savepoint), where the next row finds it. v1 read the head for every row, and the planner
-- could read it by a sequential scan (a table analyzed while small) or walk the dead index entries
-- of rolled-back rows: an import of 50,000 rows then took minutes (docs/adr/0004).
CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  xact text := pg_current_xact_id()::text;
  head text := current_setting('portal.audit_chain_head', true);
  head_seq bigint;
  head_hash bytea;
BEGIN
  IF head IS NOT NULL AND split_part(head, ':', 1) = xact THEN
    head_seq := split_part(head, ':', 2)::bigint;
    head_hash := decode(split_part(head, ':', 3), 'hex');
  ELSE
    PERFORM pg_advisory_xact_lock(7310015004);
    SELECT a.seq, a.hash INTO head_seq, head_hash FROM audit_events a ORDER BY a.seq DESC LIMIT 1;
  END IF;
  NEW.seq := COALESCE(head_seq, 0) + 1;
  NEW.prev_hash := COALESCE(head_hash, decode(repeat('00', 32), 'hex'));
  NEW.hash := audit_event_digest(NEW.prev_hash, NEW.seq, NEW);
  PERFORM set_config('portal.audit_chain_head', xact || ':' || NEW.seq || ':' || encode(NEW.hash, 'hex'), true);
  RETURN NEW;
END
$$;
