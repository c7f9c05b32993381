using Microsoft.AspNetCore.Mvc;
using OrchardSpbe.Audit;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;

namespace OrchardSpbe.Admin.Controllers;

/// <summary>Who changed what on this site, newest first.</summary>
[Area("Admin")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ViewAuditLog")]
public sealed class AuditController(AuditLog audit) : Controller
{
    private const int PageSize = 50;

    [HttpGet("admin/audit")]
    public async Task<IActionResult> Index(int page = 1)
    {
        page = Math.Max(1, page);
        var total = await audit.CountAsync();
        ViewBag.Page = page;
        ViewBag.PageCount = OrchardSpbe.Navigation.Pager.PageCountOf(total, PageSize);
        return View(await audit.ListAsync(page, PageSize));
    }
}
