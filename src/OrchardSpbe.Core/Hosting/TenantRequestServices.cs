using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Hosting;

/// <summary>
/// A tenant request's services: the scope is created on first use, with the tenant set in its
/// <see cref="TenantContext"/>, and disposed with the response — as ASP.NET Core's own request services, but a page
/// answered from the output cache never asks, so it never builds a scope (creating one, resolving the tenant
/// context in it and disposing it was about a twentieth of a cached page's CPU).
/// </summary>
internal sealed class TenantRequestServices(HttpContext context, IServiceScopeFactory scopes, TenantShell shell) : IServiceProvidersFeature, IAsyncDisposable
{
    private AsyncServiceScope? _scope;
    private IServiceProvider? _services;

    public IServiceProvider RequestServices
    {
        get
        {
            if (_services is null)
            {
                var scope = scopes.CreateAsyncScope();
                _scope = scope;
                _services = scope.ServiceProvider;
                _services.GetRequiredService<TenantContext>().Set(shell);
                context.Response.RegisterForDisposeAsync(this);
            }
            return _services;
        }
        set => _services = value;
    }

    public ValueTask DisposeAsync()
    {
        if (_scope is not { } scope) return ValueTask.CompletedTask;
        _scope = null;
        _services = null;
        return scope.DisposeAsync();
    }
}
