namespace OrchardSpbe.Signals;

public enum HostChangeKind
{
    /// <summary>The tenant record changed (created, renamed, hosts, state) or was deleted.</summary>
    TenantChanged,

    /// <summary>Something the shell holds changed: features, settings, role permissions.</summary>
    ShellChanged,

    /// <summary>What the tenant's public pages show changed (content published, catalog updated): only its cached pages go.</summary>
    ContentChanged,
}

public sealed record HostChange(HostChangeKind Kind, string Tenant);

/// <summary>Announces a change to this node and, when several nodes run, to all of them.</summary>
public interface IChangeBus
{
    Task PublishAsync(HostChange change);
}
