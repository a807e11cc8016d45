using EmploymentPortal.Application.Regions;
using EmploymentPortal.Web.Forms;

namespace EmploymentPortal.Web.Areas.Bureau.Pages;

/// <summary>Home of county and city officials.</summary>
public sealed class IndexModel(IOrgDirectory directory) : StaffHomePageModel(directory);
