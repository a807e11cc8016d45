-- Migration AuditHashChain. Never edited: a change is a new version and a new migration (README.md).
-- Chains each new audit row to the last one, whatever the writer sent for seq, prev_hash and hash.
-- Writers take their turn on one transaction-scoped advisory lock, from their first audit row to
-- their commit, so the chain is linear and its head is always committed (docs/adr/0004).
CREATE FUNCTION audit_events_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash bytea;
BEGIN
  PERFORM pg_advisory_xact_lock(7310015004);
  SELECT a.seq, a.hash INTO head_seq, head_hash FROM audit_events a ORDER BY a.seq DESC LIMIT 1;
  NEW.seq := COALESCE(head_seq, 0) + 1;
  NEW.prev_hash := COALESCE(head_hash, decode(repeat('00', 32), 'hex'));
  NEW.hash := audit_event_digest(NEW.prev_hash, NEW.seq, NEW);
  RETURN NEW;
END
$$;
