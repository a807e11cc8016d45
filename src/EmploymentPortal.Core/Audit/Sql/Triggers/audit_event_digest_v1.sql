-- Migration AuditHashChain. Never edited: a change is a new version and a new migration (README.md).
-- The hash of one audit row: SHA-256 over the previous row's hash and a canonical encoding of the
-- row's fields (a JSON array in a fixed order; the time in microseconds since 1970, UTC).
-- Audit/Sql/audit_verify.sql writes the same encoding, and AuditChain recomputes the hash apart.
CREATE FUNCTION audit_event_digest(prev bytea, seq bigint, e audit_events) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT sha256(prev || convert_to(jsonb_build_array(
           seq, e.id, (extract(epoch FROM e.occurred_at) * 1000000)::bigint, e.actor_id, e.actor_name,
           e.action, e.entity_type, e.entity_id, e.region_code, e.before, e.after)::text, 'UTF8'))
$$;
