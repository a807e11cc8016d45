using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace EmploymentPortal.Web.Observability;

/// <summary>
/// Who may read <c>/metrics</c>: a caller whose address lies in <c>Portal:Metrics:AllowedNetworks</c>, or a
/// request with <c>Authorization: Bearer</c> and the configured <c>Portal:Metrics:Token</c> (compared in
/// constant time). Nobody else, and no caller whose address is unknown.
/// </summary>
/// <remarks>
/// The address that counts is <see cref="ConnectionInfo.RemoteIpAddress"/> after the forwarded headers
/// (<see cref="Security.RateLimits.UsePortalForwardedHeaders"/>): behind a proxy listed in
/// <c>Portal:ForwardedHeaders:KnownProxies</c> it is the client the proxy saw, not the proxy, so a request from
/// the internet relayed by the proxy is never taken for the proxy's network. A request that still carries
/// <c>X-Forwarded-For</c> (none of its entries was taken: no known proxy is configured, or the entry was not
/// from one) came through a proxy the portal does not trust to name the client: its connection address proves
/// nothing, so only the token admits it.
/// </remarks>
public sealed class MetricsAccess
{
    private readonly IReadOnlyList<System.Net.IPNetwork> networks;
    private readonly byte[]? tokenHash;

    public MetricsAccess(MetricsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        networks = settings.Networks().Select(ParseNetwork).ToList();
        tokenHash = string.IsNullOrEmpty(settings.Token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(settings.Token));
    }

    public bool Allows(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HasToken(context.Request) || FromAllowedNetwork(context);
    }

    /// <summary>A CIDR network ("10.0.0.0/8", "::1/128") or a single address ("::1").</summary>
    public static System.Net.IPNetwork ParseNetwork(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (System.Net.IPNetwork.TryParse(text.Trim(), out var network))
        {
            return network;
        }

        if (IPAddress.TryParse(text.Trim(), out var address))
        {
            return new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8);
        }

        throw new InvalidOperationException($"{MetricsSettings.Section}:AllowedNetworks: \"{text}\" is neither a CIDR network nor an address.");
    }

    private bool FromAllowedNetwork(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } address || context.Request.Headers.ContainsKey(ForwardedFor))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return networks.Any(n => n.Contains(address));
    }

    private bool HasToken(HttpRequest request)
    {
        if (tokenHash is null)
        {
            return false;
        }

        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Both sides hashed first, so the comparison's time tells nothing of the token's length either.
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(given, tokenHash);
    }

    private const string ForwardedFor = "X-Forwarded-For";
}
