using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;

namespace OrchardSpbe.Tenants.Controllers;

/// <summary>
/// The same operations as the admin screens, for automation. Signed in with a portal user's API token
/// (Authorization: Bearer …), or with the portal's cookie, whose changes need the antiforgery token
/// (GET /api/antiforgery) in the X-CSRF-TOKEN header.
/// Errors are 400 validation problems keyed by field, with messages in the UI language.
/// </summary>
[ApiController]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageTenants")]
[Route("api/tenants")]
public sealed class TenantsApiController(TenantRegistry registry, TenantManager manager, AuditLog audit, IStringLocalizer<Strings> T) : ControllerBase
{
    /// <summary>
    /// One page of tenants (issue 17 §4): <c>q</c> searches name, display name and host; <c>category</c> and <c>state</c>
    /// (Running, Disabled, Initializing, Uninitialized) filter; <c>page</c> from 1, <c>pageSize</c> 1–200 (50).
    /// A bad value is a 400 naming it, in the "query" key.
    /// </summary>
    [HttpGet("")]
    public ActionResult<TenantListDto> List(string? q, string? category, string? state, string? page, string? pageSize)
    {
        var (query, errors) = TenantList.Parse(q, category, state, page, pageSize, T);
        if (errors.Count > 0)
        {
            foreach (var error in errors) ModelState.AddModelError("query", error);
            return ValidationProblem(ModelState);
        }
        return TenantListDto.From(TenantList.Apply(registry.All, query));
    }

    [HttpGet("{name}")]
    public ActionResult<TenantDto> Get(string name) => registry.Find(name) is { } tenant ? TenantDto.From(tenant) : NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Create([FromBody] CreateTenantRequest request)
    {
        var result = await manager.CreateAsync(request);
        if (!result.Succeeded) return Invalid(result);
        await audit.RecordAsync("tenant.created", result.Tenant!.Name, string.Join(", ", result.Tenant.Hosts));
        return CreatedAtAction(nameof(Get), new { name = result.Tenant.Name }, TenantDto.From(result.Tenant));
    }

    [HttpPut("{name}")]
    public async Task<IActionResult> Update(string name, [FromBody] UpdateTenantRequest request)
    {
        if (registry.Find(name) is null) return NotFound();
        return await RespondAsync(await manager.UpdateAsync(name, request), "tenant.updated");
    }

    [HttpPost("{name}/disable")]
    public async Task<IActionResult> Disable(string name) =>
        registry.Find(name) is null ? NotFound() : await RespondAsync(await manager.DisableAsync(name), "tenant.disabled");

    [HttpPost("{name}/enable")]
    public async Task<IActionResult> Enable(string name) =>
        registry.Find(name) is null ? NotFound() : await RespondAsync(await manager.EnableAsync(name), "tenant.enabled");

    [HttpDelete("{name}")]
    public async Task<IActionResult> Delete(string name)
    {
        if (registry.Find(name) is null) return NotFound();
        var result = await manager.DeleteAsync(name);
        if (!result.Succeeded) return Invalid(result);
        await audit.RecordAsync("tenant.deleted", name);
        return NoContent();
    }

    private async Task<IActionResult> RespondAsync(TenantResult result, string action)
    {
        if (!result.Succeeded) return Invalid(result);
        await audit.RecordAsync(action, result.Tenant!.Name);
        return Ok(TenantDto.From(result.Tenant));
    }

    private IActionResult Invalid(TenantResult result)
    {
        foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, message);
        return ValidationProblem(ModelState);
    }
}

public sealed record TenantDto(string Name, string DisplayName, string? Category, IReadOnlyList<string> Hosts, string? UrlPrefix, string State, string RecipeName)
{
    public static TenantDto From(TenantRecord t) => new(t.Name, t.DisplayName, t.Category, t.Hosts, t.UrlPrefix, t.State.ToString(), t.RecipeName);
}

public sealed record TenantListDto(
    IReadOnlyList<TenantDto> Items, int Total, int Page, int PageSize, int PageCount,
    IReadOnlyDictionary<string, int> States, IReadOnlyDictionary<string, int> Categories)
{
    public static TenantListDto From(TenantListPage page) => new(
        page.Items.Select(TenantDto.From).ToList(), page.Total, page.Query.Page, page.Query.PageSize, page.PageCount,
        Enum.GetValues<TenantState>().ToDictionary(s => s.ToString(), s => page.States.GetValueOrDefault(s)), page.Categories);
}
