using System.Text;

namespace OrchardSpbe.Text;

/// <summary>
/// Characters XML 1.0 cannot carry (§2.2: everything but tab, line feed, carriage return, U+0020–U+D7FF,
/// U+E000–U+FFFD and paired surrogates). The same set also breaks Unicode normalisation (U+FFFE, lone
/// surrogates), so input is cleaned with it once at the door, and every XML writer cleans with it again
/// on its own — a record stored before the door existed, or by a recipe, must not take a feed down.
/// </summary>
public static class XmlText
{
    /// <summary>True when every character may appear in an XML document.</summary>
    public static bool IsValid(ReadOnlySpan<char> text) => FirstInvalid(text) < 0;

    /// <summary>The text without the characters XML cannot carry; the same instance when there are none.</summary>
    public static string Clean(string text)
    {
        var first = FirstInvalid(text);
        if (first < 0) return text;
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (IsValidChar(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary><see cref="Clean(string)"/> that passes null through.</summary>
    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    private static int FirstInvalid(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                return i;
            }
            if (!IsValidChar(c)) return i;
        }
        return -1;
    }

    // One UTF-16 unit outside a surrogate pair.
    private static bool IsValidChar(char c) =>
        c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');
}
