using System.Collections;

namespace OrchardSpbe.Hosting;

/// <summary>The logging scope that puts the tenant on every log line: "Tenant" in JSON logs, "tenant=…" in plain ones.</summary>
public sealed class TenantLogScope(string tenant) : IReadOnlyList<KeyValuePair<string, object>>
{
    public string Tenant { get; } = tenant;

    public KeyValuePair<string, object> this[int index] =>
        index == 0 ? new("Tenant", Tenant) : throw new ArgumentOutOfRangeException(nameof(index));

    public int Count => 1;

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => "tenant=" + Tenant;
}
