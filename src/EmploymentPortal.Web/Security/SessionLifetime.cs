using System.Globalization;
using System.Security.Claims;
using EmploymentPortal.Core.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Web.Security;

/// <summary>
/// How long a sign-in lives and how it ends (issue 15, Build 6; docs/operations.md, "Sessions"):
/// <list type="bullet">
/// <item>every sign-in cookie carries a session id (<see cref="SessionIdClaim"/>) and the instant
/// of the sign-in (<see cref="AuthTimeClaim"/>), kept across the security-stamp refresh;</item>
/// <item>each request refuses a cookie older than <c>Portal:Security:AbsoluteLifetime</c> (whatever
/// its sliding expiry), one without a session id, and one whose session was ended
/// (<see cref="EndedSessions"/>), before the stamp check;</item>
/// <item>sign-out rotates the security stamp and ends the session, so a copy of the cookie is dead at once;</item>
/// <item><see cref="KeepAlivePath"/> renews the sliding cookie for the idle warning's "keep me signed in".</item>
/// </list>
/// </summary>
public static class SessionLifetime
{
    public const string SessionIdClaim = "ep:sid";
    public const string AuthTimeClaim = "ep:auth_time";
    public const string KeepAlivePath = "/session/keep-alive";

    /// <summary>The sign-in page's <c>reason</c> values (<c>_SignedOutReason.cshtml</c>).</summary>
    public const string ReasonIdle = "idle";
    public const string ReasonExpired = "expired";

    private const string ReasonItem = "ep.session.refused";

    public static IServiceCollection AddPortalSessions(this IServiceCollection services, PortalOptions.SecuritySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            CopySessionClaims(context.CurrentPrincipal, context.NewPrincipal);
            return Task.CompletedTask;
        });
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var stampCheck = o.Events.OnValidatePrincipal;
            o.Events.OnSigningIn = context =>
            {
                StampSession(context);
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async context =>
            {
                if (await RefuseAsync(context, settings.AbsoluteLifetime))
                {
                    return;
                }

                await stampCheck(context);
            };
            var redirectToLogin = o.Events.OnRedirectToLogin;
            o.Events.OnRedirectToLogin = context =>
            {
                if (context.HttpContext.Items[ReasonItem] is string reason)
                {
                    context.RedirectUri += (context.RedirectUri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "reason=" + reason;
                }

                return redirectToLogin(context);
            };
        });
        return services;
    }

    /// <summary>Maps the keep-alive endpoint: an authenticated POST with the antiforgery header renews the sliding cookie.</summary>
    public static void MapSessionKeepAlive(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(KeepAlivePath, async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            // The cookie handler renews a sliding cookie past half its life on any authenticated request;
            // "keep me signed in" wants it renewed now.
            var result = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
            if (result.Succeeded)
            {
                await context.SignInAsync(IdentityConstants.ApplicationScheme, result.Principal!, result.Properties);
            }

            return Results.NoContent();
        }).RequireAuthorization();
    }

    /// <summary>Ends the signed-in session: the stamp rotates (other copies fail their next stamp check) and the session id is refused at once.</summary>
    public static async Task SignOutAsync(HttpContext context, SignInManager<PortalUser> signIn, EndedSessions ended, PortalOptions.SecuritySettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(ended);
        ArgumentNullException.ThrowIfNull(settings);
        var user = await signIn.UserManager.GetUserAsync(context.User);
        if (Guid.TryParse(context.User.FindFirstValue(SessionIdClaim), out var session) && user is not null)
        {
            await ended.EndAsync(session, user.Id, settings.AbsoluteLifetime, context.RequestAborted);
        }

        if (user is not null)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
    }

    private static void StampSession(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        // A renewed sign-in of the same account (e.g. after a password change) keeps its session and its start.
        var current = context.HttpContext.User;
        var sameAccount = current.Identity?.IsAuthenticated == true
            && current.FindFirstValue(ClaimTypes.NameIdentifier) == identity.FindFirst(ClaimTypes.NameIdentifier)?.Value
            && current.FindFirstValue(SessionIdClaim) is not null;
        var session = sameAccount ? current.FindFirstValue(SessionIdClaim)! : Guid.CreateVersion7().ToString();
        var at = sameAccount && current.FindFirstValue(AuthTimeClaim) is { } previous
            ? previous
            : Now(context.HttpContext).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Replace(identity, SessionIdClaim, session);
        Replace(identity, AuthTimeClaim, at);
    }

    private static async Task<bool> RefuseAsync(CookieValidatePrincipalContext context, TimeSpan absoluteLifetime)
    {
        var principal = context.Principal;
        string? reason = null;
        if (!Guid.TryParse(principal?.FindFirstValue(SessionIdClaim), out var session)
            || !long.TryParse(principal?.FindFirstValue(AuthTimeClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            reason = ReasonExpired;
        }
        else if (Now(context.HttpContext) - DateTimeOffset.FromUnixTimeSeconds(seconds) > absoluteLifetime)
        {
            reason = ReasonExpired;
        }
        else if (await context.HttpContext.RequestServices.GetRequiredService<EndedSessions>().IsEndedAsync(session, context.HttpContext.RequestAborted))
        {
            reason = string.Empty;
        }

        if (reason is null)
        {
            return false;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        if (reason.Length > 0)
        {
            context.HttpContext.Items[ReasonItem] = reason;
        }

        return true;
    }

    private static void CopySessionClaims(ClaimsPrincipal? from, ClaimsPrincipal? to)
    {
        if (from is null || to?.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        foreach (var type in new[] { SessionIdClaim, AuthTimeClaim })
        {
            if (from.FindFirstValue(type) is { } value)
            {
                Replace(identity, type, value);
            }
        }
    }

    private static void Replace(ClaimsIdentity identity, string type, string value)
    {
        foreach (var claim in identity.FindAll(type).ToList())
        {
            identity.RemoveClaim(claim);
        }

        identity.AddClaim(new Claim(type, value));
    }

    private static DateTimeOffset Now(HttpContext context) => context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
}
