using Microsoft.AspNetCore.Mvc;
using OrchardSpbe.Modules;
using OrchardSpbe.Programmers.Reference;
using OrchardSpbe.Security;

namespace OrchardSpbe.Programmers.Controllers;

/// <summary>The reference data as imported: the roles of 000 Pasal 17–19, the six SPBE areas and the national ICT occupation list of 004.</summary>
[Area("Programmers")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ViewProgrammerReference")]
[Route("admin/tim-programmer/referensi")]
public sealed class ReferenceController(ReferenceDirectory reference) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? domain = null, int? level = null)
    {
        var domains = await reference.DomainsAsync();
        if (domain is not null && domains.All(d => d.Code != domain)) domain = null;
        if (level is < 1 or > 9) level = null;
        return View(new ViewModels.ReferenceViewModel(
            await reference.CategoriesAsync(), await reference.RolesAsync(), await reference.AreasAsync(), domains,
            await reference.OccupationsAsync(domain, level), domain, level));
    }
}
