using Microsoft.Playwright;
using Xunit;

namespace OrchardSpbe.Testing;

/// <summary>Debian's Chromium driven by Playwright (no browser download), shared by a test class.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser profile (own cookies), as a new visitor.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "id-ID" });
        var page = await context.NewPageAsync();
        // CI runs every test project at once on 2 cores: a sign-in (a password hash) behind that queue once took over
        // 15 s. A real failure still fails, only later.
        page.SetDefaultTimeout(30_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}
