namespace OrchardSpbe.Tenants;

/// <summary>The tenant the current scope (request or background job) works for; set once.</summary>
public sealed class TenantContext
{
    private TenantShell? _shell;

    public TenantShell Shell => _shell ?? throw new InvalidOperationException("No tenant has been set for this scope.");
    public bool HasTenant => _shell is not null;
    public string Name => Shell.Name;
    public bool IsDefault => Shell.Record.IsDefault;

    /// <summary>The background task the scope runs (null: a request's): its own commits do not wake it again.</summary>
    public string? BackgroundTask { get; set; }

    public void Set(TenantShell shell)
    {
        if (_shell is not null && _shell.Name != shell.Name)
            throw new InvalidOperationException("A scope serves one tenant only.");
        _shell = shell;
    }
}
