using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Background;

/// <summary>
/// Visits every running tenant in turn at a fixed rate — fast once after start, slowly after — and runs all its
/// tasks: what a crash left between a tenant's commit and its hint in the host store is found without a visitor.
/// Its cost is set by the rate, not by the number of tenants.
/// </summary>
public sealed class SafetySweep(IOptions<BackgroundOptions> options, ILogger<SafetySweep> logger) : Operations.IMetricsSource
{
    private readonly Queue<string> _queue = new();
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private DateTimeOffset _passStarted;
    private double _credit;
    private bool _firstPassDone;
    private int _passSize;

    public bool FirstPassDone => _firstPassDone;

    /// <summary>Tenants left to visit in the current pass (the first pass after start: the node's catching up).</summary>
    public int Pending => _queue.Count;

    public void Register(Meter meter)
    {
        meter.CreateObservableGauge("spbe.background.sweep.pending", () => Pending, "{tenant}",
            "Tenants the safety sweep has still to visit in its current pass.");
        meter.CreateObservableGauge("spbe.background.sweep.first_pass_done", () => FirstPassDone ? 1 : 0, null,
            "1 once the sweep's first pass after start has visited every running tenant (what came due while the node was down).");
    }

    public IReadOnlyList<string> Next(DateTimeOffset now, TenantRegistry registry)
    {
        var settings = options.Value;
        if (_queue.Count == 0)
        {
            // Called again with the queue empty: the last visits' round has run.
            if (_last != DateTimeOffset.MinValue && !_firstPassDone)
            {
                _firstPassDone = true;
                logger.LogInformation("Safety sweep: the first pass visited {Tenants} tenants in {Seconds:F1} s",
                    _passSize, (now - _passStarted).TotalSeconds);
            }
            if (_firstPassDone && now - _passStarted < settings.MinimumSweepInterval) return [];
            foreach (var tenant in registry.All.Where(t => t.State == TenantState.Running).OrderBy(t => !t.IsDefault).ThenBy(t => t.Name))
                _queue.Enqueue(tenant.Name);
            _passStarted = now;
            _passSize = _queue.Count;
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
