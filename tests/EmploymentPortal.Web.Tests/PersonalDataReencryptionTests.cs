using System.Security.Cryptography;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Core.Security;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.Web.Tests;

/// <summary>The demo register, written under the development key "dev", with a new key "k2" configured as current.</summary>
public sealed class RotatedKeyFixture : PortalFixture
{
    public static readonly string NewKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        [PersonalDataKeyRing.KeysKey + ":dev"] = Convert.ToBase64String(SHA256.HashData("EmploymentPortal development key - not for real data"u8)),
        [PersonalDataKeyRing.KeysKey + ":k2"] = NewKey,
        [PersonalDataKeyRing.CurrentIdKey] = "k2",
    };
}

/// <summary>
/// Key rotation (issue 15, Build 2): <c>-- reencrypt-personal-data</c> moves every stored ID
/// number to the current key and re-keys the blind index, so no value names the old key and
/// lookups by full ID number find people again; a second run changes nothing. The key's
/// fingerprint, never the key, is in the start-up log.
/// </summary>
public sealed class PersonalDataReencryptionTests(RotatedKeyFixture portal) : IClassFixture<RotatedKeyFixture>
{
    [Fact]
    public async Task Reencrypt_AfterRotation_NoOldKeyIdLeft_LookupsFindPeople_SecondRunChangesNothing()
    {
        using var staff = await portal.SignInAsync("community1");
        var person = await TestSql.ScalarAsync<Guid>(portal.ConnectionString, "SELECT id FROM persons WHERE region_code = @code AND cancelled_at IS NULL ORDER BY id LIMIT 1", DemoIds.Community1);
        var name = await TestSql.ScalarAsync<string>(portal.ConnectionString, $"SELECT name FROM persons WHERE id = '{person}'");
        var protector = portal.Factory.Services.GetRequiredService<AesGcmIdNumberProtector>();
        var cipher = await TestSql.ScalarAsync<byte[]>(portal.ConnectionString, $"SELECT id_number_cipher FROM persons WHERE id = '{person}'");
        protector.KeyIdOf(cipher).Should().Be("dev", "the demo register was written under the development key");
        var number = protector.Reveal(cipher);
        (await LedgerAsync(staff, number)).Should().NotContain(name, "the blind index is still the old key's until the command runs");

        var first = await RunAsync();

        first.Changed.Should().Be(first.Examined).And.BeGreaterThan(0);
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM persons WHERE substring(id_number_cipher from 1 for 4) <> '\\x02026b32'::bytea")).Should().Be(0, "every value is version 2 under k2");
        (await LedgerAsync(staff, number)).Should().Contain(name);
        var hash = protector.LookupHash(ResidentIdNumber.Parse(number, portal.Today));
        (await TestSql.ScalarAsync<byte[]>(portal.ConnectionString, $"SELECT id_number_hash FROM persons WHERE id = '{person}'")).Should().Equal(hash);

        var second = await RunAsync();
        second.Examined.Should().Be(first.Examined);
        second.Changed.Should().Be(0);

        portal.Factory.Log.Should().Contain("Personal-data key k2, fingerprint " + PersonalDataKeyRing.Fingerprint(Convert.FromBase64String(RotatedKeyFixture.NewKey)));
        portal.Factory.Log.Should().NotContain(RotatedKeyFixture.NewKey);
    }

    private async Task<ReencryptionSummary> RunAsync()
    {
        await using var scope = portal.Factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemJobScope();
        return await scope.ServiceProvider.GetRequiredService<PersonalDataReencryption>().RunAsync(batchSize: 50);
    }

    private static async Task<string> LedgerAsync(PortalClient staff, string number)
    {
        var (_, page) = await staff.GetPageAsync("/Station/Persons?q=" + number);
        return page.QuerySelector("main table")?.TextContent ?? string.Empty;
    }
}
