namespace OrchardSpbe.Modules;

/// <summary>A member of the Tim Programmer as another module may show them: public fields only (no decree, no term, no contact).</summary>
public sealed record ProgrammerLink(string Id, string Name, string Role);

/// <summary>
/// "Who of the Tim Programmer is placed here" — the small contract by which an application names the programmers
/// assigned to it (issue 14) without knowing the Programmers module: Programmers implements it; a consumer asks for it
/// only where the Programmers feature is enabled on the tenant (STYLE.md: modules know of each other only through Core).
/// </summary>
public interface IProgrammerDirectory
{
    public const string FeatureId = "OrchardSpbe.Programmers";

    /// <summary>The serving members (active or warned, 000 Pasal 15) placed at this PD, by name.</summary>
    Task<IReadOnlyList<ProgrammerLink>> PlacedHereAsync();
}
