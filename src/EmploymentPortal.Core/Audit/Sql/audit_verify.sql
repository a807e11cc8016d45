-- The audit chain in its order, with each row's canonical encoding as audit_event_digest_v1.sql
-- writes it; AuditChain hashes it apart from the database's own function.
SELECT a.id, a.seq, a.prev_hash, a.hash,
       convert_to(jsonb_build_array(
         a.seq, a.id, (extract(epoch FROM a.occurred_at) * 1000000)::bigint, a.actor_id, a.actor_name,
         a.action, a.entity_type, a.entity_id, a.region_code, a.before, a.after)::text, 'UTF8') AS canonical
FROM audit_events a
ORDER BY a.seq
