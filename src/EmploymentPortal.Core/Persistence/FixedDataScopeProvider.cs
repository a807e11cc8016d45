using EmploymentPortal.Core.Scoping;

namespace EmploymentPortal.Core.Persistence;

/// <summary>A scope fixed at construction: <see cref="DataScope.All"/> for system jobs, or a given scope in tests.</summary>
public sealed class FixedDataScopeProvider(DataScope scope) : IDataScopeProvider
{
    public DataScope Current { get; } = scope;
}
