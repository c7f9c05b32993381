using Microsoft.Extensions.Options;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Background;

/// <summary>
/// Visits every running tenant in turn at a fixed rate — fast once after start, slowly after — and runs all its
/// tasks: what a crash left between a tenant's commit and its hint in the host store is found without a visitor.
/// Its cost is set by the rate, not by the number of tenants.
/// </summary>
public sealed class SafetySweep(IOptions<BackgroundOptions> options)
{
    private readonly Queue<string> _queue = new();
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private DateTimeOffset _passStarted;
    private double _credit;
    private bool _firstPassDone;

    public bool FirstPassDone => _firstPassDone;

    public IReadOnlyList<string> Next(DateTimeOffset now, TenantRegistry registry)
    {
        var settings = options.Value;
        if (_queue.Count == 0)
        {
            if (_last != DateTimeOffset.MinValue) _firstPassDone = true;
            if (_firstPassDone && now - _passStarted < settings.MinimumSweepInterval) return [];
            foreach (var tenant in registry.All.Where(t => t.State == TenantState.Running).OrderBy(t => !t.IsDefault).ThenBy(t => t.Name))
                _queue.Enqueue(tenant.Name);
            _passStarted = now;
        }
        var elapsed = _last == DateTimeOffset.MinValue ? 1 : Math.Min((now - _last).TotalSeconds, 10);
        _last = now;
        _credit += elapsed * (_firstPassDone ? settings.SweepPerSecond : settings.StartupSweepPerSecond);
        var taken = new List<string>();
        while (_credit >= 1 && _queue.Count > 0)
        {
            taken.Add(_queue.Dequeue());
            _credit -= 1;
        }
        if (_queue.Count == 0) _credit = 0;
        return taken;
    }
}
