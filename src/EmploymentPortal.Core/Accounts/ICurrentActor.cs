namespace EmploymentPortal.Core.Accounts;

/// <summary>Who is acting, for the audit trail: a signed-in user or a named system job.</summary>
public interface ICurrentActor
{
    Guid? UserId { get; }

    string Name { get; }

    /// <summary>The account's one role (workflow steps check it); none for system work.</summary>
    string? Role => null;
}
