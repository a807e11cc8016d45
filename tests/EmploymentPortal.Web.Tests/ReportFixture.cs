using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// A small registry for the dashboard tests, in a county of its own (370799 under the demo city),
/// written by SQL so that the triggers keep the rollups as they do for the portal's own writes.
///
/// Persons (education: 1 primary, 2 junior high, 3 senior high, 6 bachelor; 4050 = women ≥ 40, men ≥ 50):
///   P1 woman born 1980-03-01, junior high, community A: R1 opened 2023-05-10, open (long-term from 2024-05-10).
///   P2 man born 1975-07-01, bachelor, community A: R2 opened 2024-06-01, ended 2025-02-20 employed.
///   P3 man born 1974-06-15 (50 on 2024-06-15), primary, community B: R3 opened 2024-01-05, open (long-term from 2025-01-05).
///   P4 woman born 1990-02-28, senior high, at street A itself: R4 opened 2025-03-01, open.
///   P5 woman born 1984-02-29 (40 on 2024-02-29), junior high, community B: R5 2023-01-01 to 2024-03-01 moved away; R7 opened 2024-12-01, open.
///   Household H in community A: identified 2024-05-01, assisting 2024-07-01, eliminated 2025-01-15.
///
/// On 2024-06-15: A = R1, R2 (2 registered; new in June: R2; in 2024: R2; long-term R1; low education P1; 4050 P1; H identified);
///   B = R3 (new in 2024: R3; low education and 4050: P3, on his 50th birthday). County: 3, 1, 2, 0, 0, 1, 2, 2.
/// On 2025-03-10: community A = R1 (R2 ended in February: re-employed this year; H eliminated); street A itself = R4 (new this month);
///   B = R3, R7 (long-term R3; low education and 4050 P3, P5). County: 4, 1, 1, 0, 1, 2, 3, 3.
/// On 2024-12-31: R1, R2, R3, R7 open; new in December R7, in 2024 R2, R3, R7; long-term R1; low education and 4050 P1, P3, P5; H assisting.
/// </summary>
public static class ReportFixture
{
    private const string Sql = """
        INSERT INTO regions (code, name, level, parent_id) SELECT '370799000000', '测试区', 3, id FROM regions WHERE code = '370700000000';
        INSERT INTO regions (code, name, level, parent_id) SELECT '370799001000', '测试甲街道', 4, id FROM regions WHERE code = '370799000000';
        INSERT INTO regions (code, name, level, parent_id) SELECT '370799002000', '测试乙街道', 4, id FROM regions WHERE code = '370799000000';
        INSERT INTO regions (code, name, level, parent_id) SELECT '370799001001', '测试甲社区', 5, id FROM regions WHERE code = '370799001000';
        INSERT INTO regions (code, name, level, parent_id) SELECT '370799002001', '测试乙社区', 5, id FROM regions WHERE code = '370799002000';

        INSERT INTO persons (id, region_id, region_code, name, id_number_cipher, id_number_hash, id_number_masked, id_number_last_four, birth_date, sex,
                             address, hukou, education, labor_capacity, wants_work, employment_status, priority_groups, created_at, updated_at)
        SELECT p.id::uuid, r.id, p.code, p.name, '\x00'::bytea, decode(md5(p.id), 'hex'), '370799********0000', '0000', p.birth::date, p.sex,
               '测试地址', 1, p.education, 1, true, 1, 0, @now, @now
        FROM (VALUES
            ('00000000-0000-0000-0000-0000000000a1', '370799001001', '统计甲', '1980-03-01', 2, 2),
            ('00000000-0000-0000-0000-0000000000a2', '370799001001', '统计乙', '1975-07-01', 1, 6),
            ('00000000-0000-0000-0000-0000000000a3', '370799002001', '统计丙', '1974-06-15', 1, 1),
            ('00000000-0000-0000-0000-0000000000a4', '370799001000', '统计丁', '1990-02-28', 2, 3),
            ('00000000-0000-0000-0000-0000000000a5', '370799002001', '统计戊', '1984-02-29', 2, 2)) AS p(id, code, name, birth, sex, education)
        JOIN regions r ON r.code = p.code;

        INSERT INTO unemployment_registrations (id, person_id, region_code, registered_on, ended_on, end_reason) VALUES
            ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1', '370799001001', '2023-05-10', NULL, NULL),
            ('00000000-0000-0000-0000-0000000000b2', '00000000-0000-0000-0000-0000000000a2', '370799001001', '2024-06-01', '2025-02-20', 1),
            ('00000000-0000-0000-0000-0000000000b3', '00000000-0000-0000-0000-0000000000a3', '370799002001', '2024-01-05', NULL, NULL),
            ('00000000-0000-0000-0000-0000000000b4', '00000000-0000-0000-0000-0000000000a4', '370799001000', '2025-03-01', NULL, NULL),
            ('00000000-0000-0000-0000-0000000000b5', '00000000-0000-0000-0000-0000000000a5', '370799002001', '2023-01-01', '2024-03-01', 3);
        INSERT INTO unemployment_registrations (id, person_id, region_code, registered_on) VALUES
            ('00000000-0000-0000-0000-0000000000b7', '00000000-0000-0000-0000-0000000000a5', '370799002001', '2024-12-01');

        INSERT INTO households (id, region_id, region_code, address, hukou, has_business_income, status, status_since)
        SELECT '00000000-0000-0000-0000-0000000000c1', id, code, '测试地址', 1, false, 3, '2025-01-15' FROM regions WHERE code = '370799001001';
        INSERT INTO household_status_changes (household_id, "from", "to", "on") VALUES
            ('00000000-0000-0000-0000-0000000000c1', 0, 1, '2024-05-01'),
            ('00000000-0000-0000-0000-0000000000c1', 1, 2, '2024-07-01'),
            ('00000000-0000-0000-0000-0000000000c1', 2, 3, '2025-01-15');
        """;

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Adds the fixture to the database once.</summary>
    public static async Task EnsureAsync(string connectionString)
    {
        await Gate.WaitAsync();
        try
        {
            if (await TestSql.ScalarAsync<long>(connectionString, "SELECT count(*) FROM regions WHERE code = '370799000000'") == 0)
            {
                await TestSql.ExecuteAsync(connectionString, Sql);
            }
        }
        finally
        {
            Gate.Release();
        }
    }
}
