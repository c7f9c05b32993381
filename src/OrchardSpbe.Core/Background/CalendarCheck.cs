using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Background;

/// <summary>
/// A check driven only by the calendar (deadlines, reminders, retention): it runs every <see cref="Interval"/> on the
/// tenants it concerns, and a commit does not make it due.
/// </summary>
public abstract class CalendarCheck : IBackgroundTask
{
    public abstract string? FeatureId { get; }

    public bool RunsAfterCommits => false;

    /// <summary>The tenants the check concerns: the portal (true), each PD (false), or every tenant (null).</summary>
    protected virtual bool? OnPortal => null;

    protected abstract TimeProvider Clock { get; }

    protected abstract TimeSpan Interval { get; }

    public async Task<DateTimeOffset?> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (OnPortal is { } portal && services.GetRequiredService<TenantContext>().IsDefault != portal) return null;
        await CheckAsync(services, cancellationToken);
        return Clock.GetUtcNow() + Interval;
    }

    protected abstract Task CheckAsync(IServiceProvider services, CancellationToken cancellationToken);
}
