using System.Collections.Frozen;

namespace OrchardSpbe.Tenants;

/// <summary>
/// The in-memory tenant list every request is resolved against. Readers see an immutable snapshot;
/// a change builds a new snapshot and swaps it in, so resolution never takes a lock.
/// </summary>
public sealed class TenantRegistry
{
    private Snapshot _snapshot = new([]);

    public IReadOnlyCollection<TenantRecord> All => _snapshot.ByName.Values;

    /// <summary>Changes with every change to the list: what is derived from it may be kept until this differs.</summary>
    public object Version => _snapshot;

    public TenantRecord? Find(string name) => _snapshot.ByName.GetValueOrDefault(name);

    public void Load(IEnumerable<TenantRecord> tenants) => _snapshot = new Snapshot(tenants);

    public void Set(TenantRecord tenant)
    {
        lock (this) _snapshot = new Snapshot(_snapshot.ByName.Values.Where(t => t.Name != tenant.Name).Append(tenant));
    }

    public void Remove(string name)
    {
        lock (this) _snapshot = new Snapshot(_snapshot.ByName.Values.Where(t => t.Name != name));
    }

    /// <summary>
    /// Host resolution: exact host, then the www. form of the same host (either way round), then a
    /// wildcard (*.example), then a URL prefix among the tenants that host matched — or, on the
    /// Default tenant's hosts, a tenant that has only a prefix. No match means no tenant: never a fallback.
    /// </summary>
    public TenantRecord? Resolve(string canonicalHost, string path)
    {
        var snapshot = _snapshot;
        var candidates = snapshot.Candidates(canonicalHost);
        var firstSegment = FirstSegment(path);
        if (firstSegment is not null)
        {
            var prefixed = candidates.FirstOrDefault(t => t.UrlPrefix == firstSegment);
            if (prefixed is not null) return prefixed;
            if (candidates.Any(t => t.IsDefault) && snapshot.PrefixOnly.TryGetValue(firstSegment, out var prefixOnly))
                return prefixOnly;
        }
        return candidates.FirstOrDefault(t => t.UrlPrefix is null);
    }

    public bool IsHostTaken(string host, string? exceptTenant) =>
        _snapshot.ByHost.TryGetValue(host, out var owners) && owners.Any(t => t.Name != exceptTenant);

    private static string? FirstSegment(string path)
    {
        var trimmed = path.TrimStart('/');
        if (trimmed.Length == 0) return null;
        var slash = trimmed.IndexOf('/');
        return (slash < 0 ? trimmed : trimmed[..slash]).ToLowerInvariant();
    }

    private sealed class Snapshot
    {
        public Snapshot(IEnumerable<TenantRecord> tenants)
        {
            var list = tenants.ToList();
            ByName = list.ToFrozenDictionary(t => t.Name);
            ByHost = list.SelectMany(t => t.Hosts.Select(h => (Host: h, Tenant: t)))
                .GroupBy(x => x.Host)
                .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Tenant).ToArray());
            PrefixOnly = list.Where(t => t.Hosts.Count == 0 && t.UrlPrefix is not null)
                .ToFrozenDictionary(t => t.UrlPrefix!);
        }

        public FrozenDictionary<string, TenantRecord> ByName { get; }
        public FrozenDictionary<string, TenantRecord[]> ByHost { get; }
        public FrozenDictionary<string, TenantRecord> PrefixOnly { get; }

        public TenantRecord[] Candidates(string host)
        {
            if (ByHost.TryGetValue(host, out var exact)) return exact;
            var alternate = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : "www." + host;
            if (ByHost.TryGetValue(alternate, out var www)) return www;
            for (var dot = host.IndexOf('.'); dot >= 0; dot = host.IndexOf('.', dot + 1))
            {
                if (ByHost.TryGetValue("*" + host[dot..], out var wildcard)) return wildcard;
            }
            return [];
        }
    }
}
