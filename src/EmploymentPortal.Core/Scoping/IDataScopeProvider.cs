namespace EmploymentPortal.Core.Scoping;

/// <summary>The data scope of whoever is acting now (the signed-in user, or a system job).</summary>
public interface IDataScopeProvider
{
    DataScope Current { get; }

    /// <summary>The signed-in account, for the rows it owns under row-level security (its employers, postings, link requests); null otherwise.</summary>
    Guid? Account => null;
}
