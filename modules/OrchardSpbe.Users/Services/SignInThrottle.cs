using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OrchardSpbe.Hosting;

namespace OrchardSpbe.Users.Services;

/// <summary>
/// Slows down password guessing without locking anyone out (OWASP Authentication Cheat Sheet, "Login
/// Throttling"). Failures are counted per site, typed user name and client address: after
/// <c>Spbe:Security:MaxFailedAccessAttempts</c> free tries, that pair must wait 1 s, then 2 s, 4 s, … up to
/// <c>LockoutMinutes</c> before the next try is even checked. So a stranger hammering "admin" slows down
/// only themselves; the real administrator at another address signs in at once. The count does not
/// depend on whether the user exists, so the answers do not tell. Failures are also counted per account
/// and per address across the site, to tell administrators about a brute force.
/// Failures from one address across all user names are limited too (<c>SignInPermitLimit</c> per
/// <c>SignInWindowSeconds</c>), which bounds password spraying. Only failures count: a PD office behind one
/// NAT address signing in all at once on a Monday morning is never slowed (issue 16 §7).
/// Kept in memory per node: a restart forgets, and several nodes each throttle on their own.
/// </summary>
public sealed class SignInThrottle(IOptions<SpbeOptions> options, TimeProvider clock) : IDisposable
{
    // Forgotten an hour after the last failure; bounded, so rotating names cannot exhaust memory.
    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);
    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    /// <summary>Failures of one account, or from one address, within an hour that make a brute force worth an alert.</summary>
    public const int AlertThreshold = 20;

    private SecuritySettings Settings => options.Value.Security;

    /// <summary>How long this client must still wait before trying this user name again (zero: go ahead).</summary>
    public TimeSpan Wait(string tenant, string userName, string client) =>
        _failures.TryGetValue(PairKey(tenant, userName, client), out Pair? pair) && pair!.NotBefore > clock.GetUtcNow()
            ? pair.NotBefore - clock.GetUtcNow()
            : TimeSpan.Zero;

    /// <summary>How long this address must still wait after too many failures in the window, whatever the name (zero: go ahead).</summary>
    public TimeSpan AddressWait(string tenant, string client)
    {
        if (!_failures.TryGetValue(WindowKey(tenant, client), out Window? window)) return TimeSpan.Zero;
        var end = window!.Start + TimeSpan.FromSeconds(Settings.SignInWindowSeconds);
        return window.Failures >= Math.Max(1, Settings.SignInPermitLimit) && end > clock.GetUtcNow() ? end - clock.GetUtcNow() : TimeSpan.Zero;
    }

    /// <summary>Counts a failure; true when it makes the account or the address cross <see cref="AlertThreshold"/>.</summary>
    public bool Failed(string tenant, string userName, string client)
    {
        var now = clock.GetUtcNow();
        var key = PairKey(tenant, userName, client);
        lock (_failures)
        {
            var windowKey = WindowKey(tenant, client);
            var window = _failures.TryGetValue(windowKey, out Window? open) && open!.Start + TimeSpan.FromSeconds(Settings.SignInWindowSeconds) > now
                ? open : new Window { Start = now };
            window.Failures++;
            _failures.Set(windowKey, window, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(Settings.SignInWindowSeconds) });
            var pair = _failures.TryGetValue(key, out Pair? existing) ? existing! : new Pair();
            pair.Failures++;
            var free = Math.Max(1, Settings.MaxFailedAccessAttempts);
            if (pair.Failures >= free)
            {
                var seconds = Math.Min(Math.Pow(2, Math.Min(pair.Failures - free, 30)), Settings.LockoutMinutes * 60.0);
                pair.NotBefore = now + TimeSpan.FromSeconds(seconds);
            }
            Store(key, pair);
            return CountTowardsAlert(tenant, userName, client);
        }
    }

    /// <summary>A try refused while waiting: not checked, but evidence of a brute force all the same.</summary>
    public bool Refused(string tenant, string userName, string client)
    {
        lock (_failures) return CountTowardsAlert(tenant, userName, client);
    }

    private bool CountTowardsAlert(string tenant, string userName, string client)
    {
        var account = Count("account\n" + tenant + "\n" + Normalize(userName));
        var address = Count("client\n" + tenant + "\n" + client);
        return account == AlertThreshold || address == AlertThreshold;
    }

    /// <summary>A good password from this client clears its count (others' counts stay).</summary>
    public void Succeeded(string tenant, string userName, string client) => _failures.Remove(PairKey(tenant, userName, client));

    private int Count(string key)
    {
        var counter = _failures.TryGetValue(key, out Pair? existing) ? existing! : new Pair();
        counter.Failures++;
        Store(key, counter);
        return counter.Failures;
    }

    private void Store(string key, Pair value) =>
        _failures.Set(key, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Memory });

    private static string WindowKey(string tenant, string client) => "window\n" + tenant + "\n" + client;

    private static string PairKey(string tenant, string userName, string client) => "pair\n" + tenant + "\n" + Normalize(userName) + "\n" + client;

    private static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    public void Dispose() => _failures.Dispose();

    private sealed class Window
    {
        public int Failures;
        public DateTimeOffset Start;
    }

    private sealed class Pair
    {
        public int Failures;
        public DateTimeOffset NotBefore;
    }
}
