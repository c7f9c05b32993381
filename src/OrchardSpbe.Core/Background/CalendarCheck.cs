using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Background;

/// <summary>
/// A check driven by the calendar (deadlines, reminders, retention): it runs every <see cref="Interval"/> on the tenants
/// it concerns while they have something on the calendar. One with nothing (no member serving, no officer named) is
/// not polled (issue 17: 1,000 idle PDs checked every few minutes were most of an idle node's CPU): the commit that
/// puts something there wakes it, and the safety sweep visits it anyway.
/// </summary>
public abstract class CalendarCheck : IBackgroundTask
{
    public abstract string? FeatureId { get; }

    // A PD's check waits for the commit that puts something on its calendar; the portal's checks run on their interval
    // (the portal commits often, and what they look for is never urgent to the minute).
    public bool RunsAfterCommits => OnPortal != true;

    /// <summary>The tenants the check concerns: the portal (true), each PD (false), or every tenant (null).</summary>
    protected virtual bool? OnPortal => null;

    protected abstract TimeProvider Clock { get; }

    protected abstract TimeSpan Interval { get; }

    public async Task<DateTimeOffset?> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (OnPortal is { } portal && services.GetRequiredService<TenantContext>().IsDefault != portal) return null;
        return await CheckAsync(services, cancellationToken) ? Clock.GetUtcNow() + Interval : null;
    }

    /// <summary>Acts on what is due; returns whether the tenant has anything on the calendar to look at again after <see cref="Interval"/>.</summary>
    protected abstract Task<bool> CheckAsync(IServiceProvider services, CancellationToken cancellationToken);
}
