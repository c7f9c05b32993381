using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using OrchardSpbe.Audit;
using OrchardSpbe.Localization;
using OrchardSpbe.Notifications;
using OrchardSpbe.Security;

namespace OrchardSpbe.Users.Services;

/// <summary>
/// Tells a site's administrators that someone is guessing passwords (<see cref="SignInThrottle.AlertThreshold"/>
/// failures of one account or from one address within an hour): an audit entry, a warning in the log and,
/// where notifications are on, a notification (and e-mail) to every administrator.
/// </summary>
public sealed class BruteForceAlert(AuditLog audit, ITenantUsers users, IServiceProvider services, IStringLocalizer<Strings> T, ILogger<BruteForceAlert> logger)
{
    public async Task AlertAsync(string userName, string client)
    {
        logger.LogWarning("Possible brute force: {Threshold} failed sign-ins for {UserName} or from {ClientIp} within an hour",
            SignInThrottle.AlertThreshold, userName, client);
        await audit.RecordAsync("user.brute-force", userName, client, userName: userName);
        if (services.GetService<INotifier>() is not { } notifier) return;
        var administrators = await users.InRolesAsync([StandardRoles.Administrator]);
        if (administrators.Count == 0) return;
        await notifier.NotifyAsync(administrators.Select(a => a.UserName).ToList(), new Notification(
            T["Percobaan masuk berulang terdeteksi"],
            T["{0} percobaan masuk gagal dalam satu jam untuk akun '{1}' atau dari alamat {2}. Percobaan berikutnya diperlambat; akun tidak dikunci.", SignInThrottle.AlertThreshold, userName, client],
            "/admin/audit"));
    }
}
