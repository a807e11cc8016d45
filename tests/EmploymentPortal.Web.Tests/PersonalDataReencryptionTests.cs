using System.Security.Cryptography;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Core.Security;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Key rotation (issue 15, Build 2): <c>-- reencrypt-personal-data</c> moves every stored ID
/// number to the current key and re-keys the blind index, so no value names the old key and
/// lookups by full ID number find people again; a second run changes nothing. The key's
/// fingerprint, never the key, is in the start-up log.
/// </summary>
public sealed class PersonalDataReencryptionTests
{
    private static readonly string NewKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The development key "dev" the register was written under, and a new key "k2", current.</summary>
    private static readonly Dictionary<string, string?> Rotated = new()
    {
        [PersonalDataKeyRing.KeysKey + ":dev"] = Convert.ToBase64String(SHA256.HashData("EmploymentPortal development key - not for real data"u8)),
        [PersonalDataKeyRing.KeysKey + ":k2"] = NewKey,
        [PersonalDataKeyRing.CurrentIdKey] = "k2",
    };

    [Fact]
    public async Task Reencrypt_AfterRotation_NoOldKeyIdLeft_LookupsFindPeople_SecondRunChangesNothing()
    {
        var database = await TestDatabases.CreateSeededAsync();
        await using (var before = new PortalAppFactory(database))
        {
            using var registrar = await SignInAsync(before, "community1");
            for (var day = 1; day <= 7; day++)
            {
                var registered = await registrar.SubmitFormAsync("/Station/Persons/Register", new Dictionary<string, string>
                {
                    ["IdNumber"] = TestIds.Make(new DateOnly(1980, 3, day), day % 2 == 0 ? Sex.Female : Sex.Male),
                    ["Input.Name"] = "轮换" + "一二三四五六七"[day - 1],
                    ["Input.Address"] = "向阳路 1 号",
                });
                registered.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
            }
        }

        await using var portal = new PortalAppFactory(database, Rotated);
        using var staff = await SignInAsync(portal, "community1");
        var person = await TestSql.ScalarAsync<Guid>(portal.ConnectionString, "SELECT id FROM persons WHERE cancelled_at IS NULL ORDER BY id LIMIT 1");
        var name = await TestSql.ScalarAsync<string>(portal.ConnectionString, $"SELECT name FROM persons WHERE id = '{person}'");
        var protector = portal.Services.GetRequiredService<AesGcmIdNumberProtector>();
        var cipher = await TestSql.ScalarAsync<byte[]>(portal.ConnectionString, $"SELECT id_number_cipher FROM persons WHERE id = '{person}'");
        protector.KeyIdOf(cipher).Should().Be("dev", "the demo register was written under the development key");
        var number = protector.Reveal(cipher);
        (await LedgerAsync(staff, number)).Should().NotContain(name, "the blind index is still the old key's until the command runs");

        var first = await RunAsync(portal);

        first.Examined.Should().Be(7);
        first.Changed.Should().Be(7);
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, "SELECT count(*) FROM persons WHERE substring(id_number_cipher from 1 for 4) <> '\\x02026b32'::bytea")).Should().Be(0, "every value is version 2 under k2");
        (await LedgerAsync(staff, number)).Should().Contain(name);
        var hash = protector.LookupHash(ResidentIdNumber.Parse(number, portal.Today));
        (await TestSql.ScalarAsync<byte[]>(portal.ConnectionString, $"SELECT id_number_hash FROM persons WHERE id = '{person}'")).Should().Equal(hash);

        var second = await RunAsync(portal);
        second.Examined.Should().Be(first.Examined);
        second.Changed.Should().Be(0);

        portal.Log.Should().Contain("Personal-data key k2, fingerprint " + PersonalDataKeyRing.Fingerprint(Convert.FromBase64String(NewKey)));
        portal.Log.Should().NotContain(NewKey);
    }

    private static async Task<PortalClient> SignInAsync(PortalAppFactory factory, string userName)
    {
        var client = factory.NewClient();
        (await client.SignInAsync(userName, Core.Seeding.DemoCity.Password)).StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>What <c>-- reencrypt-personal-data</c> runs (batches of 3 here, so several batches run).</summary>
    private static async Task<ReencryptionSummary> RunAsync(PortalAppFactory portal)
    {
        await using var scope = portal.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemJobScope();
        return await scope.ServiceProvider.GetRequiredService<PersonalDataReencryption>().RunAsync(batchSize: 3);
    }

    private static async Task<string> LedgerAsync(PortalClient staff, string number)
    {
        var (_, page) = await staff.SearchLedgerAsync(number);
        return page.QuerySelector("main table")?.TextContent ?? string.Empty;
    }
}
