namespace EmploymentPortal.Application.Accounts;

/// <summary>Who is acting, for the audit trail: a signed-in user or a named system job.</summary>
public interface ICurrentActor
{
    Guid? UserId { get; }

    string Name { get; }
}
