using System.Security.Cryptography;
using System.Text;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// AES-256-GCM for the number (random 96-bit nonce per value; blob = version ‖ nonce ‖ tag ‖
/// ciphertext) and HMAC-SHA256 for the blind index, with both keys derived by HKDF from one
/// master key held outside the database (<c>Portal:Security:PersonalDataKey</c>). The algorithms
/// sit behind <see cref="IIdNumberProtector"/> so an SM4/SM3 implementation can replace them
/// (密评, GB/T 39786).
/// </summary>
public sealed class AesGcmIdNumberProtector : IIdNumberProtector
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _encryptionKey;
    private readonly byte[] _lookupKey;

    public AesGcmIdNumberProtector(byte[] masterKey)
    {
        if (masterKey.Length < 32)
        {
            throw new ArgumentException("The personal-data key has at least 32 bytes.", nameof(masterKey));
        }

        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "portal/id-number/encrypt"u8.ToArray());
        _lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "portal/id-number/lookup"u8.ToArray());
    }

    public ProtectedIdNumber Protect(ResidentIdNumber id) => new(Encrypt(id.Value), LookupHash(id));

    public byte[] LookupHash(ResidentIdNumber id) => HMACSHA256.HashData(_lookupKey, Encoding.ASCII.GetBytes(id.Value));

    public string Reveal(byte[] cipher)
    {
        if (cipher.Length < 1 + NonceSize + TagSize || cipher[0] != FormatVersion)
        {
            throw new CryptographicException("Unknown ID number cipher format.");
        }

        var nonce = cipher.AsSpan(1, NonceSize);
        var tag = cipher.AsSpan(1 + NonceSize, TagSize);
        var text = cipher.AsSpan(1 + NonceSize + TagSize);
        var plain = new byte[text.Length];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(nonce, text, tag, plain);
        return Encoding.ASCII.GetString(plain);
    }

    private byte[] Encrypt(string value)
    {
        var plain = Encoding.ASCII.GetBytes(value);
        var blob = new byte[1 + NonceSize + TagSize + plain.Length];
        blob[0] = FormatVersion;
        var nonce = blob.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, plain, blob.AsSpan(1 + NonceSize + TagSize), blob.AsSpan(1 + NonceSize, TagSize));
        return blob;
    }
}
