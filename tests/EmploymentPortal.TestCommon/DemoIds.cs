namespace EmploymentPortal.TestCommon;

/// <summary>Looks up database ids of the demo city by region code, for URLs in tests.</summary>
public static class DemoIds
{
    public const string Province = "370000000000";
    public const string City = "370700000000";
    public const string District1 = "370702000000";
    public const string District2 = "370705000000";
    public const string Street1 = "370702001000";
    public const string Street2 = "370702002000";
    public const string Community1 = "370702001001";
    public const string Community2 = "370702001002";
    public const string Street2Community = "370702002001";
    public const string District2Street = "370705001000";
    public const string District2Community = "370705001001";

    public static Task<int> RegionAsync(string connectionString, string regionCode) =>
        TestSql.ScalarAsync<int>(connectionString, "SELECT id FROM regions WHERE code = @code", regionCode);

    public static Task<int> UnitAsync(string connectionString, string regionCode) =>
        TestSql.ScalarAsync<int>(connectionString, "SELECT id FROM org_units WHERE region_code = @code", regionCode);

    public static Task<string> UnitNameAsync(string connectionString, string regionCode) =>
        TestSql.ScalarAsync<string>(connectionString, "SELECT name FROM org_units WHERE region_code = @code", regionCode);
}
