using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace EmploymentPortal.Web.Areas.Station.Pages.Persons;

/// <summary>
/// A ledger search that holds an ID number, sealed with Data Protection: the URL, the pager's and
/// the export's links and the browser's history carry only this opaque token, never the number.
/// </summary>
public static class LedgerSearchToken
{
    private const string Purpose = "EmploymentPortal.LedgerSearch.v1";

    public static string Seal(IDataProtectionProvider provider, string search)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return provider.CreateProtector(Purpose).Protect(search.Trim());
    }

    /// <summary>The search sealed in the token, or null when it does not open (altered, or from an old key ring).</summary>
    public static string? Open(IDataProtectionProvider provider, string token)
    {
        ArgumentNullException.ThrowIfNull(provider);
        try
        {
            return provider.CreateProtector(Purpose).Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null; // not a token this server sealed: no search
        }
    }
}
