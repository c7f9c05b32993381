using OrchardSpbe.Navigation;

namespace OrchardSpbe.Tenants.ViewModels;

/// <summary>The tenant list page: one page of tenants, its filters with counts, and the schema upgrade's progress.</summary>
public sealed class TenantIndexViewModel
{
    public required TenantListPage List { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];
    public required Pager Pager { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public TenantUpgradeRun? Upgrade { get; init; }
    public IReadOnlyList<(TenantMigrationFailure Failure, TenantRecord Tenant)> Failures { get; init; } = [];
    public int Behind { get; init; }
}
