namespace OrchardSpbe.Localization;

/// <summary>
/// The UI text catalogue. Keys are the Indonesian text (the default UI language); English comes from
/// Strings.en.resx beside this file, via ASP.NET Core's resource-based localisation.
/// </summary>
public sealed class Strings
{
}
