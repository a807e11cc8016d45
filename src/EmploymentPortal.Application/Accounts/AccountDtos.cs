namespace EmploymentPortal.Application.Accounts;

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

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
}

/// <summary>
/// The outcome of an account command: success, or errors keyed by the field they belong to
/// (an empty key for the whole form). Messages are localization keys.
/// </summary>
public sealed record AccountResult(IReadOnlyList<(string Field, string MessageKey)> Errors)
{
    public static AccountResult Ok { get; } = new(Array.Empty<(string, string)>());

    public bool Succeeded => Errors.Count == 0;

    public static AccountResult Fail(string field, string messageKey) => new([(field, messageKey)]);
}

public sealed record SignUpInput(string Login, string DisplayName, string Role, string Password);
