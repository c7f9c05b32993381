namespace OrchardSpbe.Workflows.Tests;

/// <summary>
/// Sites whose background scheduler ticks every second (timers and waits fire within the test), with a real
/// SMTP sink receiving the notifications' e-mails.
/// </summary>
public abstract class WorkflowSite(DatabaseProviderName provider) : IAsyncLifetime
{
    public TestSite Site { get; private set; } = null!;
    public SmtpSink Sink { get; private set; } = null!;

    public static Dictionary<string, string?> SettingsWith(SmtpSink? sink)
    {
        // The process test calls the site itself by the name "localhost"; every other internal address stays refused.
        var settings = new Dictionary<string, string?> { ["Spbe:Background:Tick"] = "00:00:01", ["Spbe:Outbound:AllowedHosts:0"] = "localhost" };
        if (sink is not null) foreach (var (key, value) in sink.Settings) settings[key] = value;
        return settings;
    }

    public async Task InitializeAsync()
    {
        Sink = await SmtpSink.StartNewAsync();
        Site = await TestSite.StartAsync(new TestSiteOptions { Provider = provider, Settings = SettingsWith(Sink) });
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

public sealed class SqliteWorkflowSite() : WorkflowSite(DatabaseProviderName.Sqlite);

public sealed class PostgresWorkflowSite() : WorkflowSite(DatabaseProviderName.Postgres);
