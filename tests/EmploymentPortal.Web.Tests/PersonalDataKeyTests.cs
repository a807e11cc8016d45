using System.Security.Cryptography;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Core.Security;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.TestCommon;
using Microsoft.Extensions.Configuration;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// The personal-data key ring (issue 15, finding 2): no public fallback outside Development and
/// the tests, key ids in every new value, version-1 values still readable, rotation.
/// </summary>
public sealed class PersonalDataKeyTests
{
    private static readonly ResidentIdNumber Number = ResidentIdNumber.Parse(TestIds.Make(new DateOnly(1980, 5, 17), Domain.Persons.Sex.Male), TestClock.Today);

    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    [InlineData("production")]
    [InlineData("Demo")]
    public void FromConfiguration_NoKeyOutsideDevelopment_Refused(string environment)
    {
        var act = () => PersonalDataKeyRing.FromConfiguration(Configuration([]), environment);

        act.Should().Throw<StartupRefusalException>()
            .Which.Message.Should().Contain("Portal:Security:PersonalDataKey").And.Contain("openssl rand -base64 32").And.NotContain("\n");
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    public void FromConfiguration_NoKeyInDevelopmentOrTests_DevelopmentKey(string environment)
    {
        var ring = PersonalDataKeyRing.FromConfiguration(Configuration([]), environment);

        ring.IsDevelopmentKey.Should().BeTrue();
    }

    [Fact]
    public void FromConfiguration_ShortOrMalformedKey_Refused()
    {
        var shortKey = () => PersonalDataKeyRing.FromConfiguration(Configuration(new() { [PersonalDataKeyRing.SingleKey] = Convert.ToBase64String(new byte[16]) }), "Production");
        var notBase64 = () => PersonalDataKeyRing.FromConfiguration(Configuration(new() { [PersonalDataKeyRing.SingleKey] = "not a key!" }), "Production");
        var twoWithoutCurrent = () => PersonalDataKeyRing.FromConfiguration(Configuration(new() { [PersonalDataKeyRing.KeysKey + ":a"] = NewKey(), [PersonalDataKeyRing.KeysKey + ":b"] = NewKey() }), "Production");

        shortKey.Should().Throw<StartupRefusalException>().Which.Message.Should().Contain("at least 32");
        notBase64.Should().Throw<StartupRefusalException>().Which.Message.Should().Contain("not base64");
        twoWithoutCurrent.Should().Throw<StartupRefusalException>().Which.Message.Should().Contain(PersonalDataKeyRing.CurrentIdKey);
    }

    [Fact]
    public void Protect_AfterRotation_OldAndNewValuesReveal_IndexIsTheCurrentKeys()
    {
        var first = NewKey();
        var before = Protector(new() { [PersonalDataKeyRing.KeysKey + ":k1"] = first });
        var old = before.Protect(Number);

        var after = Protector(new() { [PersonalDataKeyRing.KeysKey + ":k1"] = first, [PersonalDataKeyRing.KeysKey + ":k2"] = NewKey(), [PersonalDataKeyRing.CurrentIdKey] = "k2" });
        var fresh = after.Protect(Number);

        after.KeyIdOf(old.Cipher).Should().Be("k1");
        after.KeyIdOf(fresh.Cipher).Should().Be("k2");
        after.Reveal(old.Cipher).Should().Be(Number.Value);
        after.Reveal(fresh.Cipher).Should().Be(Number.Value);
        fresh.LookupHash.Should().Equal(after.LookupHash(Number)).And.NotEqual(old.LookupHash);
    }

    [Fact]
    public void Reveal_VersionOneBlob_ReadWithTheLegacyKey()
    {
        var key = Convert.FromBase64String(NewKey());
        var v1 = VersionOne(key, Number.Value);

        // The single key of before (Portal:Security:PersonalDataKey) is the legacy key…
        Protector(new() { [PersonalDataKeyRing.SingleKey] = Convert.ToBase64String(key) }).Reveal(v1).Should().Be(Number.Value);

        // …and after a rotation, the key named by PersonalDataLegacyKeyId.
        var rotated = Protector(new()
        {
            [PersonalDataKeyRing.KeysKey + ":old"] = Convert.ToBase64String(key),
            [PersonalDataKeyRing.KeysKey + ":new"] = NewKey(),
            [PersonalDataKeyRing.CurrentIdKey] = "new",
            [PersonalDataKeyRing.LegacyIdKey] = "old",
        });
        rotated.KeyIdOf(v1).Should().Be("old");
        rotated.Reveal(v1).Should().Be(Number.Value);
    }

    [Fact]
    public void Reveal_KeyIdNotConfiguredOrTampered_Refused()
    {
        var value = Protector(new() { [PersonalDataKeyRing.KeysKey + ":k1"] = NewKey() }).Protect(Number).Cipher;
        var other = Protector(new() { [PersonalDataKeyRing.KeysKey + ":k2"] = NewKey() });
        var tampered = (byte[])value.Clone();
        tampered[3] ^= 1; // the key id is authenticated data: "k1" becomes "k0"

        var unknown = () => other.Reveal(value);
        var altered = () => Protector(new() { [PersonalDataKeyRing.KeysKey + ":k1"] = NewKey(), [PersonalDataKeyRing.KeysKey + ":k0"] = NewKey(), [PersonalDataKeyRing.CurrentIdKey] = "k1" }).Reveal(tampered);

        unknown.Should().Throw<CryptographicException>().Which.Message.Should().Contain("'k1'");
        altered.Should().Throw<CryptographicException>();
    }

    [Fact]
    public void Fingerprint_IsEightBytesOfSha256_NotTheKey()
    {
        var key = Convert.FromBase64String(NewKey());

        var fingerprint = PersonalDataKeyRing.Fingerprint(key);

        fingerprint.Should().HaveLength(16).And.Be(Convert.ToHexStringLower(SHA256.HashData(key))[..16]);
        fingerprint.Should().NotContain(Convert.ToHexStringLower(key)[..8]);
    }

    /// <summary>A version-1 value as the portal wrote them before key ids: 1 ‖ nonce ‖ tag ‖ ciphertext.</summary>
    private static byte[] VersionOne(byte[] masterKey, string value)
    {
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "portal/id-number/encrypt"u8.ToArray());
        var plain = System.Text.Encoding.ASCII.GetBytes(value);
        var blob = new byte[1 + 12 + 16 + plain.Length];
        blob[0] = 1;
        RandomNumberGenerator.Fill(blob.AsSpan(1, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(blob.AsSpan(1, 12), plain, blob.AsSpan(29), blob.AsSpan(13, 16));
        return blob;
    }

    private static AesGcmIdNumberProtector Protector(Dictionary<string, string?> settings) =>
        new(PersonalDataKeyRing.FromConfiguration(Configuration(settings), "Production"));

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
