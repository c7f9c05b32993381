using System.Text.RegularExpressions;

namespace OrchardSpbe.Testing;

/// <summary>
/// The localisation guard for what the Indonesian admin shows (issue 16 §6): no English words where the platform
/// has its own (the rich-text toolbar, role names, workflow outcomes), no raw audit codes, and no UTC times.
/// </summary>
public static partial class IndonesianText
{
    /// <summary>English words once seen in the Indonesian admin: Trix's labels and tooltips, the role names, "Done".</summary>
    public static readonly IReadOnlyList<string> EnglishWords =
    [
        "Attach Files", "Bold", "Italic", "Strikethrough", "Link", "Unlink", "Heading", "Quote", "Code", "Bullets", "Numbers",
        "Decrease Level", "Increase Level", "Undo", "Redo", "Remove", "Enter a URL", "Add a caption",
        "Author", "Reviewer", "Editor", "Contributor", "Done",
    ];

    /// <summary>What in <paramref name="text"/> is not Indonesian as the guard sees it (empty: nothing).</summary>
    public static IReadOnlyList<string> ProblemsIn(string text)
    {
        var problems = new List<string>();
        foreach (var word in EnglishWords)
            if (Regex.IsMatch(text, $@"(?<![\p{{L}}-]){Regex.Escape(word)}(?![\p{{L}}-])")) problems.Add($"English \"{word}\"");
        foreach (Match code in AuditCode().Matches(text)) problems.Add($"audit code \"{code.Value}\"");
        if (Utc().IsMatch(text)) problems.Add("a time in UTC");
        return problems;
    }

    // The audit log's action codes: a known family, a dot, a lower-case name ("user.signed-in", "workflow.task.denied").
    [GeneratedRegex(@"\b(?:user|role|content|content-type|media|menu|recipe|settings|search|tenant|statistics|workflow|feature)\.[a-z]+(?:[.-][a-z]+)*\b")]
    private static partial Regex AuditCode();

    [GeneratedRegex(@"\bUTC\b")]
    private static partial Regex Utc();
}
