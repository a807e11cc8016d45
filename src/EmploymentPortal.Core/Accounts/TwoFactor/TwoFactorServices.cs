using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.Core.Accounts.TwoFactor;

public static class TwoFactorServices
{
    /// <summary>The portal's authenticator provider in place of Identity's, and the second-factor rules.</summary>
    public static IdentityBuilder AddPortalTwoFactor(this IdentityBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddTokenProvider<PortalTotpTokenProvider>(PortalTotpTokenProvider.Name);
        builder.Services.Configure<IdentityOptions>(o => o.Tokens.AuthenticatorTokenProvider = PortalTotpTokenProvider.Name);
        builder.Services.AddScoped<SecondFactorPolicy>();
        builder.Services.AddScoped<OwnAccountSecurity>();
        return builder;
    }
}
