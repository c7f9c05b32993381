namespace OrchardSpbe.Content;

/// <summary>
/// A content type its module shows on public pages of its own, with its own access rules (a dataset's classification,
/// an indicator's verification by Diskominfostandi) — never through the generic content display, which would show
/// any published item to anyone. Register with <c>services.AddSingleton(new SelfDisplayedType("Dataset"))</c>.
/// </summary>
public sealed record SelfDisplayedType(string ContentType);
