namespace OrchardSpbe.Content.Editing;

/// <summary>
/// How one part (or one field type) is edited: which view draws it, what choices it offers, and how a
/// posted form becomes its JSON — adding field errors instead of saving bad values.
/// </summary>
public interface IContentEditor
{
    /// <summary>The part name ("TitlePart") or field type ("TextField") it edits.</summary>
    string Name { get; }

    string View => $"~/Areas/Contents/Views/Shared/Editors/{Name}.cshtml";

    /// <summary>Choices for the editor (lists to file under, taxonomy terms, items to pick).</summary>
    Task<IReadOnlyList<EditorOption>> OptionsAsync(EditorContext context) => Task.FromResult<IReadOnlyList<EditorOption>>([]);

    Task UpdateAsync(EditorContext context);
}

public sealed record EditorOption(string Value, string Text);
