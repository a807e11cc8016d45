using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Accounts.TwoFactor;
using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Web.Security.SignIn;

/// <summary>Where a user lands after a sign-in step: the page their account gate requires, or where they were going.</summary>
public sealed class SignInDestination(UserManager<PortalUser> users, SecondFactorPolicy secondFactor)
{
    public async Task<string> AfterSignInAsync(string userName, string? returnUrl, Func<string?, bool> isLocal)
    {
        var user = await users.FindByNameAsync(userName);
        return user is null ? "/" : await AfterSignInAsync(user, returnUrl, isLocal);
    }

    public async Task<string> AfterSignInAsync(PortalUser user, string? returnUrl, Func<string?, bool> isLocal)
    {
        var gate = await secondFactor.GateAsync(user, await users.GetRolesAsync(user), CancellationToken.None);
        return AccountGates.Destination(gate.Kind, returnUrl, isLocal);
    }
}
