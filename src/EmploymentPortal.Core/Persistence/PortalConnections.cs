namespace EmploymentPortal.Core.Persistence;

/// <summary>
/// The two connection strings: the app's (row-level security applies) and the owner's, used only
/// to migrate (docs/adr/0003-row-level-security-and-roles.md).
/// </summary>
public sealed record PortalConnections(string App, string Owner);
