namespace OrchardSpbe.Workflows.Tests;

/// <summary>Sites whose background scheduler ticks every second, so timers and waits fire within the test.</summary>
public abstract class WorkflowSite(DatabaseProviderName provider) : SiteFixture(provider)
{
    protected override TestSiteOptions Options => base.Options with
    {
        Settings = new Dictionary<string, string?> { ["Spbe:Background:Tick"] = "00:00:01" },
    };
}

public sealed class SqliteWorkflowSite() : WorkflowSite(DatabaseProviderName.Sqlite);

public sealed class PostgresWorkflowSite() : WorkflowSite(DatabaseProviderName.Postgres);
