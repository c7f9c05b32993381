using OrchardSpbe.Applications.Catalogue;
using OrchardSpbe.Applications.Register;

namespace OrchardSpbe.Applications.Governance;

/// <summary>One call: the consumer application uses the provider's API.</summary>
public sealed record IntegrationEdge(PublicApplication Consumer, string ProviderNumber, PublicApplication? Provider, string Api);

public sealed record IntegrationGraph(IReadOnlyList<PublicApplication> Nodes, IReadOnlyList<IntegrationEdge> Edges)
{
    /// <summary>Registered applications that neither call nor are called: 001 Pasal 16(2)a wants none stand-alone.</summary>
    public IReadOnlyList<PublicApplication> StandAlone { get; } =
        Nodes.Where(n => !Edges.Any(e => e.Consumer.RegistrationNumber == n.RegistrationNumber || e.ProviderNumber == n.RegistrationNumber)).ToList();
}

/// <summary>Which registered application calls which (001 Pasal 16): built from the APIs each one consumes, by registration number.</summary>
public sealed class IntegrationMap(PublicCatalogue catalogue)
{
    public async Task<IntegrationGraph> BuildAsync(string? pd = null)
    {
        var all = new List<PublicApplication>();
        for (var skip = 0; ; skip += 1000)
        {
            var page = await catalogue.ListAsync(new CatalogueQuery(Skip: skip, Take: 1000), publicOnly: false);
            all.AddRange(page);
            if (page.Count < 1000) break;
        }
        var byNumber = all.ToDictionary(a => a.RegistrationNumber);
        var edges = all.SelectMany(a => ApplicationRecord.Consumed(a.ApisConsumed).Select(c => new IntegrationEdge(a, c.Number, byNumber.GetValueOrDefault(c.Number), c.Api)))
            .Where(e => pd is null || e.Consumer.Tenant == pd || e.Provider?.Tenant == pd)
            .ToList();
        var nodes = pd is null ? all : all.Where(a => a.Tenant == pd || edges.Any(e => e.Consumer == a || e.Provider == a)).ToList();
        return new IntegrationGraph(nodes, edges);
    }
}
