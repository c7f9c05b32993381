using Microsoft.Extensions.DependencyInjection;

namespace OrchardSpbe.Tenants;

/// <summary>Opens a DI scope that works for one tenant, for work outside a request (setup, timers, signals).</summary>
public sealed class TenantScopeFactory(IServiceScopeFactory scopes)
{
    public AsyncServiceScope CreateScope(TenantShell shell, string? backgroundTask = null)
    {
        var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TenantContext>();
        context.Set(shell);
        context.BackgroundTask = backgroundTask;
        return scope;
    }
}
