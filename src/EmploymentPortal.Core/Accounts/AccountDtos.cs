namespace EmploymentPortal.Core.Accounts;

public sealed record StaffAccountInput(string UserName, string DisplayName, string Role, int OrgUnitId, string Password);

public sealed record AccountListQuery(string? Search, string? Role, bool? Disabled, int Page, int PageSize);

public sealed record AccountListItem(
    Guid Id,
    string UserName,
    string DisplayName,
    string? Role,
    string? UnitName,
    bool IsDisabled,
    DateTimeOffset? LockoutEnd);

public sealed record AccountDetail(
    Guid Id,
    string UserName,
    string DisplayName,
    string? Role,
    int? OrgUnitId,
    string? UnitName,
    bool IsDisabled,
    DateTimeOffset CreatedAt);

public sealed record SignUpInput(string Login, string DisplayName, string Role, string Password);
