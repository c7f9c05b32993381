using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Modules;

/// <summary>Marks a controller or endpoint as part of a feature: on a tenant without it, it does not exist (404).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequireFeatureAttribute(string featureId) : Attribute
{
    public string FeatureId { get; } = featureId;
}

/// <summary>The global filter that enforces <see cref="RequireFeatureAttribute"/> for the resolved tenant.</summary>
public sealed class FeatureGateFilter : IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var required = context.ActionDescriptor.EndpointMetadata.OfType<RequireFeatureAttribute>().LastOrDefault();
        if (required is null) return;
        var tenant = context.HttpContext.RequestServices.GetRequiredService<TenantContext>();
        if (!tenant.HasTenant || !tenant.Shell.IsFeatureEnabled(required.FeatureId))
            context.Result = new NotFoundResult();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
