using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;

namespace OrchardSpbe.Tenants.Controllers;

/// <summary>
/// The tenants' schema upgrade (issue 17 §4) for automation: its progress and failed tenants, and a retry.
/// Same permission and antiforgery rules as <see cref="TenantsApiController"/>.
/// </summary>
[ApiController]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageTenants")]
[Route("api/tenant-upgrades")]
public sealed class TenantUpgradesApiController(
    TenantUpgrades upgrades, TenantMigrations migrations, TenantRegistry registry, AuditLog audit, IStringLocalizer<Strings> T) : ControllerBase
{
    [HttpGet("")]
    public async Task<TenantUpgradeStatusDto> Status()
    {
        var failures = (await migrations.FailuresAsync(1000)).Where(f => registry.Find(f.TenantName) is { State: TenantState.Running }).ToList();
        return new TenantUpgradeStatusDto(migrations.CodeStamp, upgrades.Behind().Count, await upgrades.LatestAsync(), failures);
    }

    /// <summary>Retries every failed tenant, or only <paramref name="name"/>: 202 when started, 409 while a run goes on, 400 when nothing failed.</summary>
    [HttpPost("retry")]
    public async Task<IActionResult> Retry(string? name)
    {
        var only = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        switch (await upgrades.RetryAsync(only, User.Identity?.Name))
        {
            case RetryOutcome.Started:
                await audit.RecordAsync("tenant.upgrade-retried", only ?? "*");
                return Accepted();
            case RetryOutcome.AlreadyRunning:
                return Problem(T["Pembaruan skema sedang berjalan; coba lagi setelah selesai."], statusCode: StatusCodes.Status409Conflict);
            default:
                ModelState.AddModelError("name", T["Tidak ada tenant gagal yang dapat diulang."]);
                return ValidationProblem(ModelState);
        }
    }
}

public sealed record TenantUpgradeStatusDto(string CodeStamp, int Behind, TenantUpgradeRun? Latest, IReadOnlyList<TenantMigrationFailure> Failures);
