using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrchardSpbe.Handover;

/// <summary>
/// Named points where a test may have the process killed (<c>Spbe:FailPoint</c>), to prove that a crash between
/// two steps of a durable mechanism loses and duplicates nothing. Off unless configured: production never sets it.
/// The kill is SIGKILL to the process itself — no finally block, no flush, as when a machine dies.
/// A point may be narrowed to the requests under a path: <c>commit:before /admin/media/upload</c> kills the process
/// at the first transaction commit of a media upload (issue 12 §2).
/// </summary>
public sealed class FailPoints(IOptions<SpbeOptions> options, IHttpContextAccessor http, ILogger<FailPoints> logger)
{
    private readonly (string Point, string? PathPrefix)? _armed = Parse(options.Value.FailPoint);

    public bool IsArmed => _armed is not null;

    public void Hit(string name)
    {
        if (_armed is not { } armed || !string.Equals(armed.Point, name, StringComparison.Ordinal)) return;
        if (armed.PathPrefix is { } prefix && http.HttpContext?.Request.Path.StartsWithSegments(prefix, StringComparison.Ordinal) != true) return;
        logger.LogCritical("Fail point {FailPoint} reached: killing the process", name);
        Process.GetCurrentProcess().Kill();
        Thread.Sleep(Timeout.Infinite);
    }

    private static (string, string?)? Parse(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured)) return null;
        var parts = configured.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return (parts[0], parts.Length > 1 ? parts[1] : null);
    }
}
