-- Migration AuditHashChain. Never edited: a change is a new version and a new migration (README.md).
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
