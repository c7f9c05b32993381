using System.Text.Json;

namespace OrchardSpbe.Programmers.Reference;

/// <summary>
/// The data files the module ships (<c>Data/*.json</c>, embedded): the seven roles in three categories of 000 Pasal 17–19,
/// the national ICT occupation list of 004 (made by <c>Data/extract-okupasi.py</c> from the seed text) and the six SPBE
/// competency areas of 004. Read once per process.
/// </summary>
public static class ReferenceData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Lazy<RoleFile> LazyRoles = new(() => Read<RoleFile>("roles.json"));
    private static readonly Lazy<OccupationFile> LazyOccupations = new(() => Read<OccupationFile>("okupasi-tik.json"));
    private static readonly Lazy<AreaFile> LazyAreas = new(() => Read<AreaFile>("spbe-areas.json"));

    public static RoleFile Roles => LazyRoles.Value;
    public static OccupationFile Occupations => LazyOccupations.Value;
    public static AreaFile Areas => LazyAreas.Value;

    private static T Read<T>(string name)
    {
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream("OrchardSpbe.Programmers.Data." + name)
                           ?? throw new InvalidOperationException($"The data file {name} is not embedded in the module.");
        return JsonSerializer.Deserialize<T>(stream, Json)!;
    }
}

public sealed record RoleFile(string Source, IReadOnlyList<RoleCategory> Categories, IReadOnlyList<RoleDefinition> Roles);

public sealed record RoleCategory(string Code, string Name, string Article);

/// <summary>A role of 000 Pasal 17 with its administrative requirement (Pasal 18: years of ICT experience) and Pasal 19's specification.</summary>
public sealed record RoleDefinition(
    string Code, string Name, string Category, string Level, int MinYears, bool CertificateRequired,
    IReadOnlyList<string> Competencies, IReadOnlyList<string> Certificates, IReadOnlyList<string> Outputs, string? Note);

public sealed record OccupationFile(string Source, IReadOnlyList<OccupationDomain> Domains, IReadOnlyList<Occupation> Occupations);

public sealed record OccupationDomain(string Code, int Number, string Name);

/// <summary>An occupation of the national ICT map: its code holds the domain number, the KKNI level and a sequence (20605: B, level 6).</summary>
public sealed record Occupation(string Code, string Name, string Domain, int Level);

public sealed record AreaFile(string Source, IReadOnlyList<SpbeArea> Areas);

/// <summary>One of the six SPBE competency areas of 004, with the occupation domains this platform counts towards it.</summary>
public sealed record SpbeArea(string Code, string Name, IReadOnlyList<string> Domains);
