namespace EmploymentPortal.Application.Accounts;

/// <summary>Account use cases: admins manage staff, the public signs up. Every change is audited.</summary>
public interface IAccountService
{
    Task<PagedResult<AccountListItem>> ListAsync(AccountListQuery query, CancellationToken cancellationToken);

    Task<AccountDetail?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<(AccountResult Result, Guid? Id)> CreateStaffAsync(StaffAccountInput input, CancellationToken cancellationToken);

    Task<AccountResult> AssignAsync(Guid id, string role, int orgUnitId, CancellationToken cancellationToken);

    Task<AccountResult> SetDisabledAsync(Guid id, bool disabled, CancellationToken cancellationToken);

    Task<(AccountResult Result, Guid? Id)> SignUpAsync(SignUpInput input, CancellationToken cancellationToken);
}
