using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace EmploymentPortal.Core.Security;

/// <summary>
/// The personal-data keys by id (docs/operations.md, "Keys"): the current one protects new values
/// and the blind index; the others only reveal what they protected until
/// <c>-- reencrypt-personal-data</c> moves it to the current key.
/// <list type="bullet">
/// <item><c>Portal:Security:PersonalDataKeys:&lt;id&gt;</c>: base64 of at least 32 random bytes, one per key id;</item>
/// <item><c>Portal:Security:PersonalDataKeyId</c>: the current key's id (optional when there is one key);</item>
/// <item><c>Portal:Security:PersonalDataKey</c>: the single key of before key ids, still accepted, with the id
/// <c>Portal:Security:PersonalDataLegacyKeyId</c> (default <c>legacy</c>);</item>
/// <item><c>Portal:Security:PersonalDataLegacyKeyId</c>: the key that wrote the version-1 values, which carry no id.</item>
/// </list>
/// Without any key, only Development and the tests run, on a fixed development key whose source is
/// public; every other environment is refused at start-up.
/// </summary>
public sealed class PersonalDataKeyRing
{
    public const string Section = "Portal:Security";
    public const string KeysKey = Section + ":PersonalDataKeys";
    public const string CurrentIdKey = Section + ":PersonalDataKeyId";
    public const string SingleKey = Section + ":PersonalDataKey";
    public const string LegacyIdKey = Section + ":PersonalDataLegacyKeyId";
    public const string DefaultLegacyId = "legacy";
    public const string DevelopmentKeyId = "dev";
    public const int MinimumKeyBytes = 32;
    public const int MaximumIdLength = 32;

    /// <summary>The environments that may run on the public development key: Development and the tests' own ("Testing").</summary>
    public static readonly IReadOnlyList<string> KeyOptionalEnvironments = ["Development", "Testing"];

    private readonly Dictionary<string, byte[]> _keys;

    public PersonalDataKeyRing(IReadOnlyDictionary<string, byte[]> keys, string currentId, string legacyId, bool isDevelopmentKey = false)
    {
        _keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, key) in keys)
        {
            CheckId(id);
            if (key.Length < MinimumKeyBytes)
            {
                throw new StartupRefusalException($"{KeysKey}:{id} has {key.Length} bytes; a personal-data key has at least {MinimumKeyBytes} (make one with: openssl rand -base64 32).");
            }

            _keys[id] = key;
        }

        if (!_keys.ContainsKey(currentId))
        {
            throw new StartupRefusalException($"{CurrentIdKey} is '{currentId}', but no key {KeysKey}:{currentId} is configured.");
        }

        CurrentId = currentId;
        LegacyId = legacyId;
        IsDevelopmentKey = isDevelopmentKey;
    }

    /// <summary>The id new values are protected under.</summary>
    public string CurrentId { get; }

    /// <summary>The id of the key that wrote the version-1 values (no id in them).</summary>
    public string LegacyId { get; }

    /// <summary>The fixed key from the public source: Development and tests only.</summary>
    public bool IsDevelopmentKey { get; }

    public IReadOnlyCollection<string> Ids => _keys.Keys;

    public byte[] Current => _keys[CurrentId];

    public bool TryGet(string id, out byte[] key) => _keys.TryGetValue(id, out key!);

    /// <summary>What identifies a key in a log without revealing it: the first 8 bytes of its SHA-256, hex.</summary>
    public static string Fingerprint(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8));

    /// <summary>The key ring from configuration; refuses (<see cref="StartupRefusalException"/>) a missing key outside Development and the tests.</summary>
    public static PersonalDataKeyRing FromConfiguration(IConfiguration configuration, string environmentName)
    {
        var legacyId = Trimmed(configuration[LegacyIdKey]) ?? DefaultLegacyId;
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in configuration.GetSection(KeysKey).GetChildren())
        {
            if (Trimmed(entry.Value) is { } value)
            {
                keys[entry.Key] = Decode($"{KeysKey}:{entry.Key}", value);
            }
        }

        if (Trimmed(configuration[SingleKey]) is { } single)
        {
            var key = Decode(SingleKey, single);
            if (keys.TryGetValue(legacyId, out var other) && !other.AsSpan().SequenceEqual(key))
            {
                throw new StartupRefusalException($"{SingleKey} and {KeysKey}:{legacyId} are different keys under one id: keep one of them.");
            }

            keys[legacyId] = key;
        }

        var currentId = Trimmed(configuration[CurrentIdKey]);
        if (keys.Count == 0)
        {
            if (!KeyOptionalEnvironments.Contains(environmentName, StringComparer.OrdinalIgnoreCase))
            {
                throw new StartupRefusalException(
                    $"{SingleKey} is not set (environment '{environmentName}'): set it, e.g. env Portal__Security__PersonalDataKey, to the output of `openssl rand -base64 32`, kept outside the database and the source.");
            }

            var development = SHA256.HashData("EmploymentPortal development key - not for real data"u8);
            return new PersonalDataKeyRing(new Dictionary<string, byte[]> { [DevelopmentKeyId] = development }, DevelopmentKeyId, DevelopmentKeyId, isDevelopmentKey: true);
        }

        if (currentId is null)
        {
            if (keys.Count > 1)
            {
                throw new StartupRefusalException($"{CurrentIdKey} is not set, and there are {keys.Count} personal-data keys: name the current one.");
            }

            currentId = keys.Keys.Single();
        }

        return new PersonalDataKeyRing(keys, currentId, legacyId);
    }

    private static void CheckId(string id)
    {
        if (id.Length is 0 or > MaximumIdLength || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new StartupRefusalException($"The personal-data key id '{id}' is not 1 to {MaximumIdLength} ASCII letters, digits, '-' or '_'.");
        }
    }

    private static byte[] Decode(string name, string value)
    {
        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            throw new StartupRefusalException($"{name} is not base64 (make a key with: openssl rand -base64 32).");
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
