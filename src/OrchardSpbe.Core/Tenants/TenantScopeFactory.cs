using Microsoft.Extensions.DependencyInjection;

namespace OrchardSpbe.Tenants;

/// <summary>Opens a DI scope that works for one tenant, for work outside a request (setup, timers, signals).</summary>
public sealed class TenantScopeFactory(IServiceScopeFactory scopes)
{
    public AsyncServiceScope CreateScope(TenantShell shell)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(shell);
        return scope;
    }
}
