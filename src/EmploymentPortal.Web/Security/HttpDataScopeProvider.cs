using EmploymentPortal.Application.Scoping;

namespace EmploymentPortal.Web.Security;

/// <summary>The signed-in user's data scope; <see cref="DataScope.None"/> outside a request.</summary>
public sealed class HttpDataScopeProvider(IHttpContextAccessor accessor) : IDataScopeProvider
{
    public DataScope Current => DataScopes.ForPrincipal(accessor.HttpContext?.User);
}
