using System.Collections.Frozen;

namespace OrchardSpbe.Search.Stemming;

/// <summary>
/// Words the stemmer leaves alone (Data/protected-words.txt): place names, acronyms and PD short names whose
/// letters look like affixes — "disdukcapil" is not "di-" + something, "bekasi" not "bekas" + "-i".
/// </summary>
public static class ProtectedWords
{
    private static readonly Lazy<FrozenSet<string>> Words = new(() => RootDictionary.ReadLines("protected-words.txt").ToFrozenSet(StringComparer.Ordinal));

    public static bool Contains(string word) => Words.Value.Contains(word);

    public static IReadOnlyCollection<string> All => Words.Value;
}
