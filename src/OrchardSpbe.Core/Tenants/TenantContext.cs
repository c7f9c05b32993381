namespace OrchardSpbe.Tenants;

/// <summary>The tenant the current scope (request or background job) works for; set once.</summary>
public sealed class TenantContext
{
    private TenantShell? _shell;

    public TenantShell Shell => _shell ?? throw new InvalidOperationException("No tenant has been set for this scope.");
    public bool HasTenant => _shell is not null;
    public string Name => Shell.Name;
    public bool IsDefault => Shell.Record.IsDefault;

    /// <summary>The background task the scope runs (null: a request's): its own commits do not wake it again.</summary>
    public string? BackgroundTask { get; set; }

    /// <summary>
    /// The request's tenant context. Tenant resolution also puts it in the request's features, so the hot path (a cached
    /// page) reads it there rather than through the request scope's service lookup.
    /// </summary>
    public static TenantContext Of(Microsoft.AspNetCore.Http.HttpContext context) =>
        context.Features.Get<TenantContext>() ?? Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TenantContext>(context.RequestServices);

    public void Set(TenantShell shell)
    {
        if (_shell is not null && _shell.Name != shell.Name)
            throw new InvalidOperationException("A scope serves one tenant only.");
        _shell = shell;
    }
}
