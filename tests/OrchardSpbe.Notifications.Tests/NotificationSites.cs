using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Notifications.Tests;

/// <summary>Arranging and reading notifications: sending them as the workflow engine will, and the list as a user sees it.</summary>
internal static class NotificationSites
{
    public const string ListPath = "/admin/notifications";

    /// <summary>SMTP to the sink, the background sweep every second and the first retry after one.</summary>
    public static Dictionary<string, string?> SettingsFor(SmtpSink sink)
    {
        var settings = new Dictionary<string, string?>(sink.Settings)
        {
            ["Spbe:Smtp:RetryDelay"] = "00:00:01",
            ["Spbe:Background:Tick"] = "00:00:01",
        };
        return settings;
    }

    /// <summary>Notifies users from the tenant's own services in one transaction, committed or (commit: false) rolled back.</summary>
    public static async Task NotifyAsync(this TestSite site, string tenant, IReadOnlyCollection<string> users, Notification notification, bool commit = true) =>
        await site.InTenantAsync(tenant, async services =>
        {
            var session = services.GetRequiredService<TenantSession>();
            await using var transaction = await session.BeginTransactionAsync();
            await services.GetRequiredService<INotifier>().NotifyAsync(users, notification);
            if (commit) await transaction.CommitAsync();
        });

    public static async Task InTenantAsync(this TestSite site, string tenant, Func<IServiceProvider, Task> work)
    {
        var shell = site.Services.GetRequiredService<ShellHost>().Find(tenant) ?? throw new InvalidOperationException("Not running: " + tenant);
        await using var scope = site.Services.GetRequiredService<TenantScopeFactory>().CreateScope(shell);
        await work(scope.ServiceProvider);
    }

    /// <summary>The tenant's outbox rows (to, subject, attempts, sent?, last error), oldest first.</summary>
    public static async Task<IReadOnlyList<OutboxRow>> OutboxAsync(this TestSite site, string tenant)
    {
        IReadOnlyList<OutboxRow> rows = [];
        await site.InTenantAsync(tenant, async services => rows = (await services.GetRequiredService<TenantSession>().QueryAsync<OutboxRow>(
            "SELECT to_address AS ToAddress, subject AS Subject, attempts AS Attempts, sent_utc AS SentUtc, last_error AS LastError FROM email_outbox ORDER BY id")).ToList());
        return rows;
    }

    /// <summary>Waits until the tenant's outbox rows meet the condition.</summary>
    public static async Task<IReadOnlyList<OutboxRow>> WaitForOutboxAsync(this TestSite site, string pd, Func<IReadOnlyList<OutboxRow>, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var rows = await site.OutboxAsync(pd);
            if (condition(rows)) return rows;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("Outbox: " + string.Join(" | ", rows.Select(r => $"{r.Subject} attempts={r.Attempts} sent={r.SentUtc} error={r.LastError}")));
            await Task.Delay(200);
        }
    }

    public sealed class OutboxRow
    {
        public string ToAddress { get; set; } = "";
        public string Subject { get; set; } = "";
        public int Attempts { get; set; }
        public long? SentUtc { get; set; }
        public string? LastError { get; set; }
    }

    /// <summary>A new PD site with its administrator signed in.</summary>
    public static async Task<(string Pd, SiteClient Admin)> SignedInPdAsync(this TestSite site)
    {
        var pd = "notif" + Guid.NewGuid().ToString("N")[..8];
        await site.CreateTenantAsync(pd);
        var admin = site.NewVisitor();
        await admin.SignInAsync(site.Url(pd), "admin", TestEnvironment.AdminPassword);
        return (pd, admin);
    }

    /// <summary>Creates a user through the admin's form and signs them in with a client of their own.</summary>
    public static async Task<SiteClient> AddUserAsync(this TestSite site, string pd, SiteClient admin, string userName, string roles)
    {
        const string password = "Pengguna-Kuat-2026";
        var created = await admin.SubmitAsync(site.Url(pd, "/admin/users/create"), "form.card", new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Email"] = EmailOf(pd, userName),
            ["DisplayName"] = "Pengguna " + userName,
            ["Password"] = password,
            ["ConfirmPassword"] = password,
            ["Roles"] = roles,
        });
        if (created.SuccessMessage != $"Pengguna '{userName}' dibuat.") throw new InvalidOperationException(string.Join("; ", created.Errors));
        var client = site.NewVisitor();
        await client.SignInAsync(site.Url(pd), userName, password);
        return client;
    }

    public static string EmailOf(string pd, string userName) => $"{userName}@{pd}.bekasikota.go.id";

    public sealed record Listed(string Subject, string Body, bool Unread, string Href);

    /// <summary>The notifications the list page shows, in order.</summary>
    public static IReadOnlyList<Listed> Items(Page page) => page.Document.QuerySelectorAll("li.notification")
        .Select(li => new Listed(
            li.QuerySelector(".notification-subject")!.TextContent.Trim(),
            li.QuerySelector(".notification-body")!.TextContent.Trim(),
            li.ClassList.Contains("unread"),
            li.QuerySelector("a")!.GetAttribute("href")!))
        .ToList();

    /// <summary>The unread count beside "Notifikasi" in the admin menu; null when none is shown.</summary>
    public static int? Badge(Page page) =>
        page.Document.QuerySelector($"nav.sidebar a[href='{ListPath}'] .badge span[aria-hidden='true']")?.TextContent.Trim() is { } text
            ? int.Parse(text) : null;

    public static async Task<Page> ListAsync(this TestSite site, string pd, SiteClient user) => await user.OpenAsync(site.Url(pd, ListPath));
}
