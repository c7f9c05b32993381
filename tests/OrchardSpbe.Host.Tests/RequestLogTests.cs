using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrchardSpbe.Hosting;

namespace OrchardSpbe.Host.Tests;

/// <summary>Operators read one log for all tenants: every line logged while serving a request names its tenant.</summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task Lines_logged_while_serving_a_pd_request_carry_the_tenant_name()
    {
        var capture = new CapturingLoggerProvider();
        await using var site = await TestSite.StartAsync(new TestSiteOptions
        {
            Extend = spbe => spbe.Services.AddSingleton<ILoggerProvider>(capture),
        });
        await site.CreateTenantAsync("dinsos");
        using var visitor = site.NewVisitor();
        await visitor.SignInAsync(site.Url("dinsos"), "admin", "salah-sandi");

        var failure = Assert.Single(capture.Lines, l => l.Message.StartsWith("Sign-in failed for admin"));
        Assert.Contains("tenant=dinsos", failure.Scopes);
    }

    private sealed record Line(string Category, string Message, string Scopes);

    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
        public List<Line> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
        public void Dispose() { }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new List<string>();
                owner._scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? ""), scopes);
                lock (owner.Lines) owner.Lines.Add(new Line(category, formatter(state, exception), string.Join(" ", scopes)));
            }
        }
    }
}
