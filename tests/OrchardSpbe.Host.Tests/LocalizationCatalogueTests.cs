using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OrchardSpbe.Host.Tests;

/// <summary>The English switch is only as good as the catalogue: every Indonesian UI text has its English.</summary>
public sealed partial class LocalizationCatalogueTests
{
    [Fact]
    public void Every_text_shown_through_the_localizer_has_an_english_translation()
    {
        var root = RepositoryRoot();
        var names = XDocument.Load(Path.Combine(root, "src/OrchardSpbe.Core/Localization/Strings.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();
        // Resource names are unique ignoring case: two texts differing only in case cannot both have their English.
        var clashes = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, "Names that differ only in case (use one spelling in the code):\n" + string.Join("\n", clashes));
        var english = names.ToHashSet();
        var missing = new SortedSet<string>();
        foreach (var folder in new[] { "src", "modules", "themes" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories)
                         .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains("/obj/") && !f.Contains("/bin/")))
            {
                var text = File.ReadAllText(file);
                var pattern = file.EndsWith("CommonText.cs") ? SharedText() : LocalizedText();
                foreach (Match match in pattern.Matches(text))
                {
                    var key = match.Groups[1].Value.Replace("\\\"", "\"");
                    if (!english.Contains(key)) missing.Add($"{key}  ({Path.GetRelativePath(root, file)})");
                }
            }
        }
        Assert.True(missing.Count == 0, "No English for:\n" + string.Join("\n", missing));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OrchardSpbe.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("OrchardSpbe.sln not found above " + AppContext.BaseDirectory);
    }

    // T["…"] in code and views, and DataAnnotations' ErrorMessage = "…" (localised through the same catalogue).
    [GeneratedRegex("""(?:\bT\[|ErrorMessage = )"((?:[^"\\]|\\.)+)"(?!\s*\+)""")]
    private static partial Regex LocalizedText();

    // The shared keys in CommonText.cs.
    [GeneratedRegex("""const string \w+ = "((?:[^"\\]|\\.)+)";""")]
    private static partial Regex SharedText();
}
