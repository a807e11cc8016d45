using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Forms;

/// <summary>Select options for an enum, labelled by the <c>{EnumName}.{Value}</c> texts.</summary>
public static class EnumOptions
{
    public static IEnumerable<SelectListItem> For<TEnum>(IStringLocalizer texts)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new SelectListItem(texts[$"{typeof(TEnum).Name}.{v}"], v.ToString()));

    public static IEnumerable<SelectListItem> YesNo(IStringLocalizer texts) =>
        [new(texts["Common.Yes"], "true"), new(texts["Common.No"], "false")];
}
