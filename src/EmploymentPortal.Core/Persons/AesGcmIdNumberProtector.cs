using System.Security.Cryptography;
using System.Text;
using EmploymentPortal.Core.Security;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// AES-256-GCM for the number (random 96-bit nonce per value) and HMAC-SHA256 for the blind index,
/// with both keys derived by HKDF from a master key held outside the database
/// (<see cref="PersonalDataKeyRing"/>). A value names the key that protected it, so keys can be
/// rotated (docs/operations.md, "Keys"):
/// <list type="bullet">
/// <item>version 2: <c>2 ‖ id length ‖ key id (ASCII) ‖ nonce ‖ tag ‖ ciphertext</c>, the key id bound as associated data;</item>
/// <item>version 1 (before key ids): <c>1 ‖ nonce ‖ tag ‖ ciphertext</c>, read with the ring's legacy key.</item>
/// </list>
/// The blind index is always the current key's. The algorithms sit behind
/// <see cref="IIdNumberProtector"/> so an SM4/SM3 implementation can replace them (密评, GB/T 39786).
/// </summary>
public sealed class AesGcmIdNumberProtector : IIdNumberProtector
{
    private const byte Version1 = 1;
    private const byte Version2 = 2;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly PersonalDataKeyRing _ring;
    private readonly Dictionary<string, byte[]> _encryptionKeys = new(StringComparer.Ordinal);
    private readonly byte[] _currentIdBytes;
    private readonly byte[] _lookupKey;

    /// <summary>One key, under the id <c>legacy</c> (tools and tests).</summary>
    public AesGcmIdNumberProtector(byte[] masterKey)
        : this(new PersonalDataKeyRing(new Dictionary<string, byte[]> { [PersonalDataKeyRing.DefaultLegacyId] = CheckLength(masterKey) }, PersonalDataKeyRing.DefaultLegacyId, PersonalDataKeyRing.DefaultLegacyId))
    {
    }

    public AesGcmIdNumberProtector(PersonalDataKeyRing ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        _ring = ring;
        foreach (var id in ring.Ids)
        {
            ring.TryGet(id, out var key);
            _encryptionKeys[id] = HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "portal/id-number/encrypt"u8.ToArray());
        }

        _currentIdBytes = Encoding.ASCII.GetBytes(ring.CurrentId);
        _lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, ring.Current, 32, info: "portal/id-number/lookup"u8.ToArray());
    }

    public ProtectedIdNumber Protect(ResidentIdNumber id) => new(Encrypt(id.Value), LookupHash(id));

    public byte[] LookupHash(ResidentIdNumber id) => HMACSHA256.HashData(_lookupKey, Encoding.ASCII.GetBytes(id.Value));

    public string Reveal(byte[] cipher)
    {
        var (keyId, header) = Parse(cipher);
        if (!_encryptionKeys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"The ID number was protected with the key id '{keyId}', which is not configured ({PersonalDataKeyRing.KeysKey}:{keyId}).");
        }

        var nonce = cipher.AsSpan(header, NonceSize);
        var tag = cipher.AsSpan(header + NonceSize, TagSize);
        var text = cipher.AsSpan(header + NonceSize + TagSize);
        var plain = new byte[text.Length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(nonce, text, tag, plain, cipher[0] == Version2 ? cipher.AsSpan(0, header) : default);
        return Encoding.ASCII.GetString(plain);
    }

    /// <summary>The id of the key a stored value was protected with (the legacy key's for version 1).</summary>
    public string KeyIdOf(byte[] cipher) => Parse(cipher).KeyId;

    private (string KeyId, int Header) Parse(byte[] cipher)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        if (cipher.Length >= 1 + NonceSize + TagSize && cipher[0] == Version1)
        {
            return (_ring.LegacyId, 1);
        }

        if (cipher.Length >= 2 && cipher[0] == Version2)
        {
            var header = 2 + cipher[1];
            if (cipher[1] is > 0 and <= PersonalDataKeyRing.MaximumIdLength && cipher.Length >= header + NonceSize + TagSize)
            {
                return (Encoding.ASCII.GetString(cipher, 2, cipher[1]), header);
            }
        }

        throw new CryptographicException("Unknown ID number cipher format.");
    }

    private byte[] Encrypt(string value)
    {
        var plain = Encoding.ASCII.GetBytes(value);
        var header = 2 + _currentIdBytes.Length;
        var blob = new byte[header + NonceSize + TagSize + plain.Length];
        blob[0] = Version2;
        blob[1] = (byte)_currentIdBytes.Length;
        _currentIdBytes.CopyTo(blob, 2);
        var nonce = blob.AsSpan(header, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKeys[_ring.CurrentId], TagSize);
        aes.Encrypt(nonce, plain, blob.AsSpan(header + NonceSize + TagSize), blob.AsSpan(header + NonceSize, TagSize), blob.AsSpan(0, header));
        return blob;
    }

    private static byte[] CheckLength(byte[] masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        return masterKey.Length < PersonalDataKeyRing.MinimumKeyBytes
            ? throw new ArgumentException("The personal-data key has at least 32 bytes.", nameof(masterKey))
            : masterKey;
    }
}
