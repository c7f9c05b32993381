using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Applications.Controllers;

/// <summary>The PD's own register pages exist on PD sites only; the portal holds the city register instead.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class PdOnlyAttribute : Attribute, IActionConstraint
{
    public int Order => 0;

    public bool Accept(ActionConstraintContext context)
    {
        var tenant = context.RouteContext.HttpContext.RequestServices.GetRequiredService<TenantContext>();
        return tenant.HasTenant && !tenant.IsDefault;
    }
}
