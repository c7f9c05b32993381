using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OrchardSpbe.Operations;

namespace OrchardSpbe.Notifications.Services;

/// <summary>
/// The mail server as this node last saw it. Down, mail waits in the outbox and nothing is lost, so the platform is
/// degraded, not unhealthy; /health says how many e-mails wait.
/// </summary>
public sealed class SmtpHealthCheck(EmailSender sender, IOptions<SmtpSettings> smtp) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!smtp.Value.IsConfigured) return Task.FromResult(HealthCheckResult.Healthy("No mail server configured: e-mail is off."));
        var waiting = sender.Waiting.Values.Sum();
        var data = new Dictionary<string, object> { ["server"] = $"{smtp.Value.Host}:{smtp.Value.Port}", ["waitingInOutbox"] = waiting };
        if (sender.LastFailure is { } failure && (sender.LastSentUtc is null || failure.At > sender.LastSentUtc))
        {
            data["lastFailureUtc"] = failure.At;
            return Task.FromResult(HealthCheckResult.Degraded($"The mail server failed ({failure.Error}); {waiting} e-mail(s) wait in the outbox.", data: data));
        }
        return Task.FromResult(HealthCheckResult.Healthy($"{waiting} e-mail(s) wait in the outbox.", data));
    }
}

/// <summary>Per tenant, the e-mails waiting in its outbox (as this node last counted them).</summary>
public sealed class EmailOutboxMetrics(EmailSender sender) : IMetricsSource
{
    public void Register(Meter meter) =>
        meter.CreateObservableGauge("spbe.email.outbox.waiting", () => sender.Waiting
            .Select(w => new Measurement<long>(w.Value, new KeyValuePair<string, object?>(SpbeMetrics.TenantTag, w.Key))),
            "{email}", "E-mails waiting in a tenant's outbox (not yet accepted by the mail server).");
}
