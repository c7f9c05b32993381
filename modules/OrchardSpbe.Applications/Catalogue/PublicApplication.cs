using System.Text.Json;
using OrchardSpbe.Handover;
using OrchardSpbe.Modules;

namespace OrchardSpbe.Applications.Catalogue;

/// <summary>
/// A registered application as the public sees it in the catalogue: non-sensitive fields only. The security level,
/// hosting, contract, IP ranges and documents are never copied here, so no public page can show them.
/// </summary>
public sealed class PublicApplication
{
    public string Tenant { get; set; } = "";
    public string Id { get; set; } = "";
    public string RegistrationNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string Users { get; set; } = "";
    public string AppClass { get; set; } = "";
    public string Lifecycle { get; set; } = "";
    public string Url { get; set; } = "";
    public string Stack { get; set; } = "";
    public string Licence { get; set; } = "";
    public string? Repository { get; set; }
    public string ApisProvided { get; set; } = "";
    public string ApisConsumed { get; set; } = "";

    /// <summary>The titles of the public datasets it uses, one per line.</summary>
    public string Datasets { get; set; } = "";

    /// <summary>The programmers assigned (JSON: id, name, role — the public fields only).</summary>
    public string Programmers { get; set; } = "";

    public IReadOnlyList<ProgrammerLink> ProgrammerList =>
        Programmers.Length == 0 ? [] : JsonSerializer.Deserialize<List<ProgrammerLink>>(Programmers, HandoverOutbox.Json) ?? [];
    public bool IsPublic { get; set; }
    public DateTimeOffset RegisteredUtc { get; set; }
}

public sealed record CatalogueQuery(string? Pd = null, string? AppClass = null, string? Lifecycle = null, IReadOnlyCollection<string>? Numbers = null, int Skip = 0, int Take = 500);
