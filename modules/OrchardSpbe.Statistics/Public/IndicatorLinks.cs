using OrchardSpbe.Modules;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Statistics.Public;

/// <summary>Core's <see cref="IIndicatorLinks"/>: this PD's accepted public indicators by code, at /statistik/{code}.</summary>
public sealed class IndicatorLinks(PublicStatistics statistics, TenantContext tenant) : IIndicatorLinks
{
    public async Task<IReadOnlyList<IndicatorLink>> FindAsync(IReadOnlyCollection<string> codes)
    {
        if (codes.Count == 0 || tenant.IsDefault) return [];
        var found = await statistics.IndicatorsAsync(new IndicatorListQuery { Tenant = tenant.Name, Codes = codes, Take = codes.Count });
        return found.Select(i => new IndicatorLink(i.Code, i.Title, "statistik/" + Uri.EscapeDataString(i.Code))).ToList();
    }
}
