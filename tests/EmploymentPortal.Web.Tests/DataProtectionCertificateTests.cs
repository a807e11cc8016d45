using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EmploymentPortal.Core.Security;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// The Data Protection key ring (what signs cookies and antiforgery tokens) is stored encrypted
/// with the configured certificate: a reader of the database or a backup finds no key in clear
/// (issue 15, finding 5, "Data Protection keys sit unencrypted"), and the portal still reads it back.
/// </summary>
public sealed class DataProtectionCertificateTests : IAsyncLifetime
{
    private readonly string _pfx = Path.Combine(Path.GetTempPath(), $"portal-dp-{Guid.NewGuid():N}.pfx");
    private string _connectionString = string.Empty;

    public async Task InitializeAsync()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=portal-dataprotection-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(TestClock.Start.AddDays(-1), TestClock.Start.AddYears(10));
        await File.WriteAllBytesAsync(_pfx, certificate.Export(X509ContentType.Pfx, "pfx password"));
        _connectionString = await TestDatabases.CreateSeededAsync();
        await TestSql.ExecuteAsync(_connectionString, "DELETE FROM data_protection_keys");
    }

    public Task DisposeAsync()
    {
        File.Delete(_pfx);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task KeyRing_WithCertificate_StoredEncrypted_AndSignInStillWorks()
    {
        var settings = new Dictionary<string, string?>
        {
            [DataProtectionCertificate.PathKey] = _pfx,
            [DataProtectionCertificate.PasswordKey] = "pfx password",
        };
        await using (var factory = new PortalAppFactory(_connectionString, settings))
        {
            using var client = factory.NewClient();
            (await client.SignInAsync("community1", Core.Seeding.DemoCity.Password)).StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
            (await client.GetAsync("/Station")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        }

        var xml = await TestSql.ScalarAsync<string>(_connectionString, "SELECT string_agg(xml, '') FROM data_protection_keys");
        xml.Should().Contain("<encryptedSecret").And.Contain("EncryptedData");
        xml.Should().NotContain("<masterKey");

        // A second portal on the same ring (another instance, a restart) reads the encrypted keys back.
        await using var again = new PortalAppFactory(_connectionString, settings);
        using var second = again.NewClient();
        (await second.SignInAsync("community1", Core.Seeding.DemoCity.Password)).StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        (await TestSql.ScalarAsync<long>(_connectionString, "SELECT count(*) FROM data_protection_keys")).Should().Be(1);
    }
}
