using Xunit;

namespace OrchardSpbe.Notifications.Tests;

/// <summary>A site that sends e-mail to a running SMTP sink, retrying after a second (tests cannot wait minutes).</summary>
public abstract class NotifyingSite(DatabaseProviderName provider) : IAsyncLifetime
{
    public TestSite Site { get; private set; } = null!;
    public SmtpSink Sink { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sink = await SmtpSink.StartNewAsync();
        Site = await TestSite.StartAsync(new TestSiteOptions { Provider = provider, Settings = NotificationSites.SettingsFor(Sink) });
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

public sealed class NotifyingSqliteSite() : NotifyingSite(DatabaseProviderName.Sqlite);

public sealed class NotifyingPostgresSite() : NotifyingSite(DatabaseProviderName.Postgres);
