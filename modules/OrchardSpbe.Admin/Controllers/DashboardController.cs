using Microsoft.AspNetCore.Mvc;
using OrchardSpbe.Admin.ViewModels;
using OrchardSpbe.Audit;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Admin.Controllers;

[Area("Admin")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("AccessAdmin")]
public sealed class DashboardController(TenantContext tenant, FeatureCatalog features, AuditLog audit, TenantRegistry registry, PermissionHandler permissions) : Controller
{
    [HttpGet("admin")]
    public async Task<IActionResult> Index() => View(new DashboardViewModel
    {
        Tenant = tenant.Shell.Record,
        Settings = tenant.Shell.Settings,
        EnabledFeatures = features.All.Where(f => tenant.Shell.IsFeatureEnabled(f.Id)).OrderBy(f => f.Name).ToList(),
        // The audit log names people, sign-ins and draft titles: only for those allowed to read the log.
        RecentActivity = await permissions.HasPermissionAsync(User, Permissions.ViewAuditLog.Name) ? await audit.ListAsync(1, 10) : null,
        TenantCounts = tenant.IsDefault
            ? registry.All.GroupBy(t => t.State).ToDictionary(g => g.Key, g => g.Count())
            : null,
    });
}
