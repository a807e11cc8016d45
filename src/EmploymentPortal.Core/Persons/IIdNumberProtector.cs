using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// Keeps resident ID numbers out of the database in clear (PIPL Art. 51, GB/T 35273 §7.2): an
/// authenticated encryption for reveal, and a keyed hash (blind index) for lookup and uniqueness.
/// </summary>
public interface IIdNumberProtector
{
    ProtectedIdNumber Protect(ResidentIdNumber id);

    byte[] LookupHash(ResidentIdNumber id);

    string Reveal(byte[] cipher);
}
