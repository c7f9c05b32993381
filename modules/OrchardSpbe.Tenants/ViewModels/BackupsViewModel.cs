using OrchardSpbe.Backup;

namespace OrchardSpbe.Tenants.ViewModels;

public sealed class BackupsViewModel
{
    public IReadOnlyList<BackupListing> Backups { get; init; } = [];
    public IReadOnlyList<BackupRun> Runs { get; init; } = [];
    public IReadOnlyList<TenantRecord> Tenants { get; init; } = [];
    public BackupSettings Settings { get; init; } = new();
    public string Folder { get; init; } = "";
}

public sealed class RestoreBackupViewModel
{
    public BackupListing? Backup { get; set; }

    /// <summary>"copy": beside the live site under <see cref="AsName"/>; "replace": in place, after <see cref="Confirm"/>.</summary>
    public string Mode { get; set; } = "copy";
    public string? AsName { get; set; }
    public string? Confirm { get; set; }
}
