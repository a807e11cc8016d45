using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace EmploymentPortal.Web.Forms;

/// <summary>
/// Ids of new records are made by the server. A form that needs its record's id before it is
/// submitted (so that a double-clicked submit inserts once) carries the id the server made, sealed
/// with Data Protection and bound to the signed-in account: a client can neither choose an id
/// (<see cref="Guid.Empty"/> included) nor reuse another account's. A token that does not open is
/// ignored and the server makes a fresh id.
/// </summary>
public static class NewRecordIds
{
    private const string Purpose = "EmploymentPortal.NewRecordId.v1";

    /// <summary>A sealed new id for a form of <paramref name="account"/>.</summary>
    public static string Issue(IDataProtectionProvider provider, Guid? account)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return provider.CreateProtector(Purpose).Protect(Payload(account, Guid.CreateVersion7()));
    }

    /// <summary>The id sealed in <paramref name="token"/> for <paramref name="account"/>, or null when the token is missing, altered or another account's.</summary>
    public static Guid? Read(IDataProtectionProvider provider, Guid? account, string? token)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string payload;
        try
        {
            payload = provider.CreateProtector(Purpose).Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null; // altered, or sealed with a key the ring no longer holds: not an id the server made
        }

        var parts = payload.Split('|');
        return parts.Length == 2 && parts[0] == AccountPart(account) && Guid.TryParseExact(parts[1], "D", out var id) && id != Guid.Empty ? id : null;
    }

    private static string Payload(Guid? account, Guid id) => AccountPart(account) + "|" + id.ToString("D", CultureInfo.InvariantCulture);

    private static string AccountPart(Guid? account) => account?.ToString("D", CultureInfo.InvariantCulture) ?? "-";
}
