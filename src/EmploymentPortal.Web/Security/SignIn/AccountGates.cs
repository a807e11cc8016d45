using EmploymentPortal.Core.Accounts.TwoFactor;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Security.SignIn;

namespace EmploymentPortal.Web.Security.SignIn
{
    /// <summary>
    /// What a signed-in account may reach before it has done what it must (the gate in its cookie,
    /// <see cref="AccountGateClaims"/>): with an admin-set password, only the password change; a
    /// staff account past its second-factor grace period, only the enrolment (and the password
    /// change). Sign-out, the language switch and the error pages stay open. Everything else
    /// redirects to the page the account must use.
    /// </summary>
    public static class AccountGates
    {
        public const string ChangePasswordPage = "/Identity/Account/Manage/ChangePassword";
        public const string EnrolPage = "/Identity/Account/Manage/EnableAuthenticator";
        public const string ManagePage = "/Identity/Account/Manage";
        public const string SecondStepPage = "/Identity/Account/LoginWith2fa";

        private static readonly string[] AlwaysOpen = ["/Identity/Account/Logout", "/Culture", "/Status", "/Error", "/health"];

        /// <summary>Where a user goes after signing in (or after a step of the gate), given the gate.</summary>
        public static string Destination(AccountGateKind gate, string? returnUrl, Func<string?, bool> isLocal)
        {
            ArgumentNullException.ThrowIfNull(isLocal);
            var next = isLocal(returnUrl) ? returnUrl! : "/";
            return gate switch
            {
                AccountGateKind.ChangePassword => ChangePasswordPage + "?returnUrl=" + Uri.EscapeDataString(next),
                AccountGateKind.Enrol => EnrolPage,
                AccountGateKind.Remind => ManagePage + "?reminder=true&returnUrl=" + Uri.EscapeDataString(next),
                _ => next,
            };
        }

        /// <summary>The page a gated request is sent to, or null when the path is open to it.</summary>
        public static string? Redirect(AccountGateKind gate, PathString path)
        {
            if (gate is AccountGateKind.None or AccountGateKind.Remind || AlwaysOpen.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            if (path.StartsWithSegments(ChangePasswordPage, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (gate == AccountGateKind.Enrol && path.StartsWithSegments(EnrolPage, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return gate == AccountGateKind.ChangePassword ? ChangePasswordPage : EnrolPage;
        }
    }
}

namespace Microsoft.AspNetCore.Builder
{
    public static class AccountGateMiddleware
    {
        /// <summary>Applies <see cref="AccountGates"/> to every request of a signed-in user (after authentication).</summary>
        public static IApplicationBuilder UseAccountGates(this IApplicationBuilder app) =>
            app.Use(async (context, next) =>
            {
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    var now = context.RequestServices.GetRequiredService<BusinessClock>().UtcNow;
                    if (AccountGates.Redirect(AccountGateClaims.Read(context.User, now), context.Request.Path) is { } target)
                    {
                        context.Response.Redirect(target);
                        return;
                    }
                }

                await next(context);
            });
    }
}
