using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Bench.Registry;

/// <summary>
/// Surnames with rough frequencies for Shandong (per mille; 王, 张, 李, 刘 lead there) and
/// given-name characters by sex and generation, enough for realistic name-prefix selectivity.
/// </summary>
public static class ChineseNames
{
    private static readonly WeightedChoice<string> Surnames = new(
    [
        ("王", 90), ("张", 80), ("李", 75), ("刘", 60), ("孙", 30), ("杨", 25), ("赵", 25), ("陈", 20), ("高", 20),
        ("徐", 18), ("马", 15), ("于", 15), ("郭", 13), ("韩", 12), ("姜", 11), ("宋", 10), ("曹", 9), ("董", 9),
        ("朱", 9), ("周", 9), ("吴", 8), ("孟", 8), ("胡", 7), ("田", 7), ("许", 7), ("郑", 6), ("崔", 6),
        ("冯", 6), ("魏", 6), ("丁", 6), ("吕", 6), ("杜", 5), ("范", 5), ("邢", 5), ("谭", 4), ("袁", 4),
        ("林", 4), ("何", 4), ("程", 4), ("隋", 4), ("管", 4), ("葛", 4), ("侯", 4), ("贾", 4), ("秦", 4),
        ("石", 4), ("邵", 3), ("任", 3), ("薛", 3), ("黄", 3), ("唐", 3), ("付", 3), ("苏", 3), ("蒋", 3),
        ("尹", 3), ("史", 3), ("郝", 3), ("闫", 3), ("段", 3), ("姚", 3), ("卢", 3), ("谢", 3), ("梁", 3),
        ("罗", 2), ("萧", 2), ("沈", 2), ("彭", 2), ("潘", 2), ("肖", 2), ("邓", 2), ("蔡", 2), ("白", 2),
        ("庞", 2), ("常", 2), ("牟", 2), ("臧", 2), ("鞠", 2), ("衣", 1), ("栾", 1), ("初", 1), ("宫", 1),
        ("毕", 1), ("单", 1), ("武", 1), ("孔", 1), ("颜", 1), ("钟", 1), ("汪", 1), ("金", 1), ("夏", 1),
        ("欧阳", 0.3), ("诸葛", 0.2), ("司马", 0.1), ("上官", 0.1),
    ]);

    private const string MaleOlder = "国建军明华志伟平强文德永庆海东春林成学福兴祥立新荣忠广世宝玉振清红光长金山生安胜友保利";
    private const string FemaleOlder = "秀英兰凤芳玉桂珍华梅霞丽红敏静艳萍荣淑云琴翠爱丽美娟燕芬香莲菊花春群玲素洁慧";
    private const string MaleYounger = "伟磊军勇杰涛斌超明刚辉鹏飞鑫波宁浩凯健俊帆帅旭宇晨龙峰亮博彬坤振强凯鹏阳浩然家文";
    private const string FemaleYounger = "芳娜敏静丽艳娟霞玲燕婷雪琳慧颖倩洁佳玉欣怡琪蕾薇月丹晶璐莹瑶蓓楠雯琦悦萌晴雅妍";
    private const string MaleModern = "子梓轩涵宇浩博一泽宸睿铭瑞晨奕辰皓然航昊俊熙阳嘉乐锦天恒诚思远明哲凯峻林";
    private const string FemaleModern = "子梓涵欣雨思佳诗语可馨怡琪瑶萱彤悦妍一诺依宁梦婉清晨星月嘉琳若汐雅芮";

    public static string Surname(DeterministicRandom random) => Surnames.Next(random);

    /// <summary>One or two given-name characters in the style of the birth year.</summary>
    public static string GivenName(DeterministicRandom random, Sex sex, int birthYear)
    {
        var pool = (sex, birthYear) switch
        {
            (Sex.Male, < 1975) => MaleOlder,
            (Sex.Male, < 1995) => MaleYounger,
            (Sex.Male, _) => MaleModern,
            (_, < 1975) => FemaleOlder,
            (_, < 1995) => FemaleYounger,
            _ => FemaleModern,
        };
        var single = random.Chance(birthYear < 1975 ? 0.18 : birthYear < 1995 ? 0.30 : 0.12);
        if (single)
        {
            return pool[random.Next(pool.Length)].ToString();
        }

        var first = pool[random.Next(pool.Length)];
        var second = pool[random.Next(pool.Length)];
        return string.Concat(first.ToString(), second.ToString());
    }
}
