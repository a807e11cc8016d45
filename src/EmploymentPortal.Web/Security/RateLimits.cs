using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using EmploymentPortal.Core.Persons;
using Microsoft.AspNetCore.HttpOverrides;

namespace EmploymentPortal.Web.Security;

/// <summary>
/// The request rate limits of issue 15 (anti-automation, ASVS 2.4.1 and 6.3.1), all in one place and attached by
/// path and method, so no page carries them: sign-in and its second step per client IP, sign-up per IP, public
/// objections per IP and per notice, person imports per user. A request over a limit gets 429 with
/// <c>Retry-After</c> and the status page ("操作过于频繁，请稍后再试"). Reveals of full ID and phone numbers are
/// counted per user and business day by <see cref="PersonReveals"/> (a count of today's reveal audit rows), not
/// here: a day is the business day, which the limiter's windows know nothing of.
/// </summary>
/// <remarks>
/// The client IP is the connection's address. Behind a reverse proxy, set <c>Portal:ForwardedHeaders:KnownProxies</c>
/// to the proxies' addresses: only then is <c>X-Forwarded-For</c> read, and only when the connection comes from one
/// of them. By default the header is never trusted. Limits are per process (one instance's memory).
/// </remarks>
public static class RateLimits
{
    /// <summary>The configuration section of the limits.</summary>
    public const string Section = "Portal:RateLimits";

    public const string SignIn = "SignIn";
    public const string SignUp = "SignUp";
    public const string ObjectionsPerIp = "ObjectionsPerIp";
    public const string ObjectionsPerNotice = "ObjectionsPerNotice";
    public const string Imports = "Imports";

    /// <summary>The names of every window limit (the test factory raises them all).</summary>
    public static IReadOnlyList<string> Names { get; } = [SignIn, SignUp, ObjectionsPerIp, ObjectionsPerNotice, Imports];

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        options.Validate();
        services.Configure<RevealLimitOptions>(o => o.RevealsPerDay = options.RevealsPerDay);
        services.AddScoped<PersonReveals>();

        var proxies = configuration.GetSection("Portal:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(options, context, first: true)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(options, context, first: false)));
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits))
                    .LogWarning("Rate limit {Limit} reached: {Method} {Path} answered 429", Classify(context.HttpContext.Request), context.HttpContext.Request.Method, context.HttpContext.Request.Path.Value);

                // No body: the status page middleware shows the 429 page in the user's language.
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Reads <c>X-Forwarded-For</c> from the configured proxies only (none by default: then it does nothing).</summary>
    public static WebApplication UsePortalForwardedHeaders(this WebApplication app)
    {
        if ((app.Configuration.GetSection("Portal:ForwardedHeaders:KnownProxies").Get<string[]>() ?? []).Length > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>Which limit a request falls under, by method and path; null for every request no limit names.</summary>
    public static string? Classify(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }

        var path = request.Path;
        if (path.StartsWithSegments("/Identity/Account", StringComparison.OrdinalIgnoreCase, out var page) && page.Value is { Length: > 1 } name)
        {
            // The sign-in page and its second step (LoginWith2fa, LoginWithRecoveryCode, TwoFactor...).
            if (name.StartsWith("/Login", StringComparison.OrdinalIgnoreCase) || name.StartsWith("/TwoFactor", StringComparison.OrdinalIgnoreCase))
            {
                return SignIn;
            }

            // The sign-up page and its confirmation step.
            if (name.StartsWith("/Register", StringComparison.OrdinalIgnoreCase))
            {
                return SignUp;
            }

            return null;
        }

        if (NoticeId(path) is not null)
        {
            return ObjectionsPerIp;
        }

        return path.Equals("/Station/Persons/Import", StringComparison.OrdinalIgnoreCase) ? Imports : null;
    }

    private static RateLimitPartition<string> Partition(RateLimitOptions options, HttpContext context, bool first)
    {
        var limit = Classify(context.Request);
        if (limit is null || (!first && limit != ObjectionsPerIp))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (name, key) = limit switch
        {
            ObjectionsPerIp when !first => (ObjectionsPerNotice, NoticeId(context.Request.Path)!),
            Imports => (Imports, context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? client),
            _ => (limit, client),
        };
        var window = options.For(name);
        return RateLimitPartition.GetFixedWindowLimiter(name + ":" + key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = window.PermitLimit,
            Window = window.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>The notice of a POST to a public notice's page (<c>/Notices/{id}</c>, the objection form).</summary>
    private static string? NoticeId(PathString path) =>
        path.StartsWithSegments("/Notices", StringComparison.OrdinalIgnoreCase, out var rest)
            && rest.Value is { Length: > 1 } id && Guid.TryParse(id.AsSpan(1), out var notice)
            ? notice.ToString("N")
            : null;
}

/// <summary>The <c>Portal:RateLimits</c> section: one fixed window per limit, and the reveals a user may make a day.</summary>
public sealed class RateLimitOptions
{
    public WindowLimit SignIn { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    public WindowLimit SignUp { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(10) };

    public WindowLimit ObjectionsPerIp { get; set; } = new() { PermitLimit = 3, Window = TimeSpan.FromHours(1) };

    public WindowLimit ObjectionsPerNotice { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromHours(1) };

    public WindowLimit Imports { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromHours(1) };

    /// <summary>Full ID and phone numbers one user may reveal in one business day.</summary>
    public int RevealsPerDay { get; set; } = 50;

    public WindowLimit For(string name) => name switch
    {
        RateLimits.SignIn => SignIn,
        RateLimits.SignUp => SignUp,
        RateLimits.ObjectionsPerIp => ObjectionsPerIp,
        RateLimits.ObjectionsPerNotice => ObjectionsPerNotice,
        RateLimits.Imports => Imports,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such rate limit."),
    };

    public void Validate()
    {
        foreach (var name in RateLimits.Names)
        {
            var window = For(name);
            if (window.PermitLimit < 1 || window.Window <= TimeSpan.Zero)
            {
                throw new InvalidOperationException($"{RateLimits.Section}:{name} needs a PermitLimit of at least 1 and a positive Window.");
            }
        }

        if (RevealsPerDay < 1)
        {
            throw new InvalidOperationException($"{RateLimits.Section}:RevealsPerDay must be at least 1.");
        }
    }

    public sealed class WindowLimit
    {
        public int PermitLimit { get; set; }

        public TimeSpan Window { get; set; }
    }
}
