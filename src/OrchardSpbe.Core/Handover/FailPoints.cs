using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrchardSpbe.Handover;

/// <summary>
/// Named points where a test may have the process killed (<c>Spbe:FailPoint</c>), to prove that a crash between
/// two steps of a durable mechanism loses and duplicates nothing. Off unless configured: production never sets it.
/// The kill is SIGKILL to the process itself — no finally block, no flush, as when a machine dies.
/// </summary>
public sealed class FailPoints(IOptions<SpbeOptions> options, ILogger<FailPoints> logger)
{
    private readonly string? _armed = string.IsNullOrWhiteSpace(options.Value.FailPoint) ? null : options.Value.FailPoint;

    public void Hit(string name)
    {
        if (_armed is null || !string.Equals(_armed, name, StringComparison.Ordinal)) return;
        logger.LogCritical("Fail point {FailPoint} reached: killing the process", name);
        Process.GetCurrentProcess().Kill();
        Thread.Sleep(Timeout.Infinite);
    }
}
