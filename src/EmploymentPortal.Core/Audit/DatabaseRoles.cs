namespace EmploymentPortal.Core.Audit;

/// <summary>
/// The database roles besides the owner and the app's (docs/adr/0003, docs/adr/0004).
/// </summary>
public static class DatabaseRoles
{
    /// <summary>
    /// The read-only reporting role: NOLOGIN, SELECT on the report rollups, the public listings and
    /// reference data only (<c>AuditHashChain.ReportTables</c>). It reads no personal table, so
    /// row-level security has nothing to filter for it; a reporting login is made a member of it.
    /// </summary>
    public const string ReportRole = "portal_report";
}
