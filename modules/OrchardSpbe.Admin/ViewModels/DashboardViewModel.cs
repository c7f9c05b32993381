using OrchardSpbe.Audit;
using OrchardSpbe.Modules;
using OrchardSpbe.Settings;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Admin.ViewModels;

public sealed class DashboardViewModel
{
    public required TenantRecord Tenant { get; init; }
    public required SiteSettings Settings { get; init; }
    public required IReadOnlyList<FeatureDescriptor> EnabledFeatures { get; init; }
    /// <summary>Null for a user without ViewAuditLog: the section is not shown.</summary>
    public required IReadOnlyList<AuditEntry>? RecentActivity { get; init; }

    /// <summary>On the city portal only: how many tenants are in each state.</summary>
    public IReadOnlyDictionary<TenantState, int>? TenantCounts { get; init; }
}
