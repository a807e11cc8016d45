using EmploymentPortal.Core.Common;
namespace EmploymentPortal.Core.Accounts;

/// <summary>Account use cases: admins manage staff, the public signs up. Every change is audited.</summary>
public interface IAccountService
{
    Task<PagedResult<AccountListItem>> ListAsync(AccountListQuery query, CancellationToken cancellationToken);

    Task<AccountDetail?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<(CommandResult Result, Guid? Id)> CreateStaffAsync(StaffAccountInput input, CancellationToken cancellationToken);

    Task<CommandResult> AssignAsync(Guid id, string role, int orgUnitId, CancellationToken cancellationToken);

    Task<CommandResult> SetDisabledAsync(Guid id, bool disabled, CancellationToken cancellationToken);

    Task<(CommandResult Result, Guid? Id)> SignUpAsync(SignUpInput input, CancellationToken cancellationToken);
}
