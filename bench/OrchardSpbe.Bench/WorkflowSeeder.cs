using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using OrchardSpbe.Content;
using OrchardSpbe.Contents.Services;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;
using OrchardSpbe.Users.Models;
using OrchardSpbe.Workflows.Runtime;
using OrchardSpbe.Workflows.Services;

namespace OrchardSpbe.Bench;

/// <summary>What the workflow seeder left: the open review tasks per tenant (in submission order), and how long the history took.</summary>
public sealed record WorkflowSeeding(
    IReadOnlyDictionary<string, IReadOnlyList<string>> OpenTasks, int Finished, TimeSpan FinishedElapsed, int Waiting, TimeSpan WaitingElapsed,
    IReadOnlyDictionary<string, string> TaskVersions)
{
    public double FinishedPerSecond => Finished / FinishedElapsed.TotalSeconds;
}

/// <summary>
/// Prepares the approval figures in-process, through the services the admin uses: per tenant a reviewer
/// (role Reviewer, the PD head) and an author (role Author) through UserManager, as the users admin does; then
/// articles the author saves as drafts and submits (<see cref="ContentManager.SubmitAsync"/>: the pd-site
/// recipe's "persetujuan-konten" starts, notifies the reviewers and opens the "tinjau" task), and — for the
/// history — the reviewer approves through <see cref="TaskDecisions.DecideAsync"/> (task closed, item
/// published, author notified, every step in the history). 200 items share a transaction.
/// </summary>
public static class WorkflowSeeder
{
    public const string ReviewerUserName = "kepala";
    public const string AuthorUserName = "penulis";
    public const string Password = "Bench-Peninjau-2026";
    private const int Batch = 200;

    public static async Task<WorkflowSeeding> SeedAsync(BenchSettings settings, string appData, IReadOnlyList<string> tenants,
        string historyTenant, int finished, IReadOnlyDictionary<string, int> waiting)
    {
        var app = await Seeder.BuildAppAsync(settings, appData);
        try
        {
            var shells = app.Services.GetRequiredService<ShellHost>();
            var scopes = app.Services.GetRequiredService<TenantScopeFactory>();
            foreach (var tenant in tenants) await AddUsersAsync(scopes, Shell(shells, tenant));

            var clock = Stopwatch.StartNew();
            var versions = new Dictionary<string, string>();
            await SubmitAsync(scopes, Shell(shells, historyTenant), finished, 0, approve: true, versions);
            var finishedElapsed = clock.Elapsed;

            clock.Restart();
            var open = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var tenant in tenants)
                open[tenant] = await SubmitAsync(scopes, Shell(shells, tenant), waiting.GetValueOrDefault(tenant), tenant == historyTenant ? finished : 0, approve: false, versions);
            return new WorkflowSeeding(open, finished, finishedElapsed, open.Values.Sum(t => t.Count), clock.Elapsed, versions);
        }
        finally
        {
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }
    }

    private static TenantShell Shell(ShellHost shells, string name) =>
        shells.Find(name) ?? throw new InvalidOperationException($"Tenant {name} is not running.");

    private static async Task AddUsersAsync(TenantScopeFactory scopes, TenantShell shell)
    {
        await using var scope = scopes.CreateScope(shell);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SpbeUser>>();
        foreach (var (name, role, display) in new[] { (ReviewerUserName, "Reviewer", "Kepala Dinas"), (AuthorUserName, "Author", "Penulis Berita") })
        {
            var user = new SpbeUser { UserName = name, Email = $"{name}@{shell.Settings.SiteName.Replace(' ', '-').ToLowerInvariant()}.bekasikota.go.id", DisplayName = display };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException($"Creating {name}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            var added = await users.AddToRolesAsync(user, [role]);
            if (!added.Succeeded) throw new InvalidOperationException($"Adding {name} to {role}: {string.Join(" ", added.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>
    /// <paramref name="count"/> draft articles by the author, each submitted for review; with <paramref name="approve"/>
    /// the reviewer approves each at once. Returns the open tasks' ids, in submission order.
    /// </summary>
    private static async Task<IReadOnlyList<string>> SubmitAsync(TenantScopeFactory scopes, TenantShell shell, int count, int from, bool approve,
        Dictionary<string, string> versions)
    {
        var open = new List<string>();
        var reviewer = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, ReviewerUserName), new Claim(ClaimTypes.Role, "Reviewer")], "bench", ClaimTypes.Name, ClaimTypes.Role));
        for (var start = from; start < from + count; start += Batch)
        {
            await using var scope = scopes.CreateScope(shell);
            var services = scope.ServiceProvider;
            var contents = services.GetRequiredService<ContentManager>();
            var tasks = services.GetRequiredService<WorkflowTaskStore>();
            var decisions = services.GetRequiredService<TaskDecisions>();
            await using var transaction = await services.GetRequiredService<TenantSession>().BeginTransactionAsync();
            for (var i = start; i < Math.Min(from + count, start + Batch); i++)
            {
                var item = (await contents.NewAsync("Article"))!;
                var title = $"{ContentSeeder.Title(i * 13 + 5)} (usulan {i + 1})";
                item.Apply(ContentParts.Title, new TitlePart { Title = title });
                item.Apply(ContentParts.Contained, new ContainedPart { ListContentItemId = "berita" });
                item.Apply(ContentParts.Body, new BodyPart { Html = $"<p>{title}: naskah berita untuk ditinjau kepala perangkat daerah.</p>" });
                var (path, error) = await services.GetRequiredService<RouteAvailability>().ResolveAsync(item, null);
                if (error is not null) throw new InvalidOperationException(error);
                item.Apply(ContentParts.Autoroute, new AutoroutePart { Path = path! });
                var created = await contents.CreateAsync(item, publish: false, AuthorUserName);
                if (!created.Succeeded) throw new InvalidOperationException($"Creating '{title}' failed");
                await contents.SubmitAsync(item.ContentItemId, AuthorUserName);
                var task = await tasks.OpenForItemAsync(item.ContentItemId)
                           ?? throw new InvalidOperationException($"Submitting '{title}' opened no review task: is pd-site's approval workflow on?");
                if (!approve)
                {
                    open.Add(task.Id);
                    // A decision is for the version submitted (issue 16): the approval posts it as the task page does.
                    versions[task.Id] = task.ContentVersionId!;
                    continue;
                }
                var decided = await decisions.DecideAsync(task.Id, "setujui", null, task.ContentVersionId, reviewer);
                if (decided.Kind != DecisionKind.Done) throw new InvalidOperationException($"Approving '{title}': {decided.Kind} {decided.Message}");
            }
            await transaction.CommitAsync();
        }
        return open;
    }
}
