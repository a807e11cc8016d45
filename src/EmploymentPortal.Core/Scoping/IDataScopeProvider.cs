namespace EmploymentPortal.Core.Scoping;

/// <summary>The data scope of whoever is acting now (the signed-in user, or a system job).</summary>
public interface IDataScopeProvider
{
    DataScope Current { get; }
}
