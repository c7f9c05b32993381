using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Modules;

/// <summary>
/// Marks an endpoint that exists on the city portal (the Default tenant) only. Unlike a filter that
/// answers 404, this takes the endpoint out of routing on PD sites, so the same address falls through
/// to whatever else matches there (a PD's own /berita page from the content catch-all route).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class PortalOnlyAttribute : Attribute, IActionConstraint
{
    // Runs before the HTTP-method constraint (order 100); order only matters among constraints of one stage.
    public int Order => 0;

    public bool Accept(ActionConstraintContext context)
    {
        var tenant = context.RouteContext.HttpContext.RequestServices.GetRequiredService<TenantContext>();
        return tenant.HasTenant && tenant.IsDefault;
    }
}
