using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace EmploymentPortal.Core.Security;

/// <summary>
/// Encrypts the Data Protection key ring (persisted in <c>data_protection_keys</c>) at rest with a
/// certificate from configuration, so a reader of the database or a backup cannot mint a sign-in
/// cookie: <c>Portal:Security:DataProtectionCertificate:Path</c> (a .pfx with its private key) and
/// <c>:Password</c>. Production refuses to start without it; elsewhere the ring stays in clear
/// unless one is configured.
/// </summary>
public static class DataProtectionCertificate
{
    public const string PathKey = "Portal:Security:DataProtectionCertificate:Path";
    public const string PasswordKey = "Portal:Security:DataProtectionCertificate:Password";

    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder builder, IConfiguration configuration, string environmentName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration[PathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            if (string.Equals(environmentName, "Production", StringComparison.OrdinalIgnoreCase))
            {
                throw new StartupRefusalException(
                    $"{PathKey} is not set: Production keeps the Data Protection key ring encrypted with a certificate (a .pfx with a private key, its password in {PasswordKey}; e.g. openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj /CN=portal-dataprotection -keyout dp.key -out dp.crt && openssl pkcs12 -export -inkey dp.key -in dp.crt -out dp.pfx).");
            }

            return builder;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordKey], X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new StartupRefusalException($"{PathKey} '{path}' cannot be read as a .pfx with {PasswordKey}: {e.Message}");
        }

        if (!certificate.HasPrivateKey)
        {
            throw new StartupRefusalException($"{PathKey} '{path}' has no private key: the key ring could be written but never read back.");
        }

        // On Linux the decryptor does not look in a certificate store: it is told the certificate.
        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }
}
