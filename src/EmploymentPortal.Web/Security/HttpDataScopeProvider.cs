using System.Security.Claims;
using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Scoping;

namespace EmploymentPortal.Web.Security;

/// <summary>
/// The signed-in user's data scope; outside a request <see cref="DataScope.None"/>, or
/// <see cref="DataScope.All"/> in a scope made by <see cref="SystemJobScopes.CreateSystemJobScope"/>. The filters
/// read it on every scoped query (a background task's scope is its requester's, <see cref="TaskRequester"/>), so it is derived once per principal (about 0.3 µs and 0.5 KB
/// each time, docs/benchmarks.md) and recomputed only if the request's principal changes.
/// </summary>
public sealed class HttpDataScopeProvider(IHttpContextAccessor accessor, SystemJobScope systemJob, TaskRequester requester, ICurrentActor actor) : IDataScopeProvider
{
    private ClaimsPrincipal? _principal;
    private DataScope _scope = DataScope.None;

    public DataScope Current
    {
        get
        {
            if (accessor.HttpContext is null && systemJob.Active)
            {
                return DataScope.All;
            }

            if (accessor.HttpContext is null && requester.Active)
            {
                return requester.Scope;
            }

            var principal = accessor.HttpContext?.User;
            if (!ReferenceEquals(principal, _principal))
            {
                _scope = DataScopes.ForPrincipal(principal);
                _principal = principal;
            }

            return _scope;
        }
    }

    public Guid? Account => actor.UserId;
}
