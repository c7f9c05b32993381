using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace OrchardSpbe.Search.Stemming;

/// <summary>Where a root comes from: shown by the analysis screen next to the rule that found it.</summary>
public enum RootSource { Hunspell, Curated, City }

/// <summary>
/// The roots the stemmer may reduce a word to: Debian's hunspell-id list (LGPL-3, see Data/NOTICE.md) less the few
/// derived forms it lists as entries (Data/not-roots.txt), and the project's curated list, both embedded in this assembly and read once per process, plus the few roots the city
/// adds in the portal's admin. One instance serves every tenant (the portal's index mixes all PDs' documents, so
/// they must share one analysis); it is immutable, and a change to the city's roots swaps in a new instance.
/// It also keeps the stems it has computed: a corpus repeats its vocabulary, and most words are seen many times.
/// </summary>
public sealed class RootDictionary
{
    private const int CacheLimit = 200_000;
    private static readonly Lazy<Shipped> ShippedRoots = new(Shipped.Load);
    private static volatile RootDictionary? _current;

    private readonly FrozenDictionary<string, RootSource> _city;
    private readonly ConcurrentDictionary<string, StemResult> _stems = new(StringComparer.Ordinal);

    private RootDictionary(FrozenDictionary<string, RootSource> city, string fingerprint)
    {
        _city = city;
        Fingerprint = fingerprint;
        Stems = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The dictionary every analyzer of this process uses now.</summary>
    public static RootDictionary Current => _current ??= Create([]);

    /// <summary>The city's roots as the admin saved them, sorted; empty until loaded.</summary>
    public IReadOnlyCollection<string> CityRoots => _city.Keys;

    /// <summary>Identifies the roots: part of the analysis version, so a changed dictionary rebuilds the indexes.</summary>
    public string Fingerprint { get; }

    public int Count => ShippedRoots.Value.Roots.Count + _city.Count;

    /// <summary>Stems computed with this dictionary, looked up by the token's characters (no string per token).</summary>
    internal ConcurrentDictionary<string, StemResult>.AlternateLookup<ReadOnlySpan<char>> Stems { get; }

    internal void Remember(string word, StemResult result)
    {
        if (_stems.Count >= CacheLimit) _stems.Clear();
        _stems.TryAdd(word, result);
    }

    public RootSource? Find(string word) =>
        ShippedRoots.Value.Roots.TryGetValue(word, out var source) ? source
        : _city.TryGetValue(word, out source) ? source
        : null;

    /// <summary>Makes these the city's roots (the portal's setting), if they differ from the current ones.</summary>
    public static bool UseCityRoots(IEnumerable<string> roots)
    {
        var normalized = Normalize(roots);
        if (normalized.SetEquals(Current.CityRoots)) return false;
        _current = Create(normalized);
        return true;
    }

    /// <summary>Lower-case words of letters (and inner hyphens), trimmed, without duplicates or comments.</summary>
    public static SortedSet<string> Normalize(IEnumerable<string> words) =>
        new(words.Select(w => w.Trim().ToLowerInvariant())
            .Where(w => w.Length is >= 2 and <= 40 && !w.StartsWith('#') && w.All(c => char.IsAsciiLetterLower(c) || c == '-') && !w.StartsWith('-') && !w.EndsWith('-')),
            StringComparer.Ordinal);

    private static RootDictionary Create(SortedSet<string> city)
    {
        var shipped = ShippedRoots.Value;
        var extra = city.Where(w => !shipped.Roots.ContainsKey(w)).ToFrozenDictionary(w => w, _ => RootSource.City, StringComparer.Ordinal);
        var fingerprint = shipped.Fingerprint;
        if (extra.Count > 0)
            fingerprint += "+" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', extra.Keys.Order(StringComparer.Ordinal)))))[..8].ToLowerInvariant();
        return new RootDictionary(extra, fingerprint);
    }

    /// <summary>The lists shipped in this assembly, read once.</summary>
    private sealed record Shipped(FrozenDictionary<string, RootSource> Roots, string Fingerprint)
    {
        public static Shipped Load()
        {
            var roots = new Dictionary<string, RootSource>(StringComparer.Ordinal);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var (file, source) in new[] { ("id-roots.txt", RootSource.Hunspell), ("curated-roots.txt", RootSource.Curated) })
                foreach (var line in ReadLines(file))
                {
                    hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
                    roots.TryAdd(line, source);
                }
            // Hunspell entries that are derived forms, not roots (Data/not-roots.txt).
            foreach (var line in ReadLines("not-roots.txt"))
            {
                hash.AppendData(Encoding.UTF8.GetBytes("-" + line + "\n"));
                if (roots.TryGetValue(line, out var source) && source == RootSource.Hunspell) roots.Remove(line);
            }
            // Protected words change what the stemmer does too.
            foreach (var line in ReadLines("protected-words.txt")) hash.AppendData(Encoding.UTF8.GetBytes("!" + line + "\n"));
            return new Shipped(roots.ToFrozenDictionary(StringComparer.Ordinal), Convert.ToHexString(hash.GetHashAndReset())[..8].ToLowerInvariant());
        }
    }

    /// <summary>The non-empty, non-comment lines of one of the embedded data files.</summary>
    internal static IEnumerable<string> ReadLines(string file)
    {
        var assembly = typeof(RootDictionary).Assembly;
        using var stream = assembly.GetManifestResourceStream("OrchardSpbe.Search.Stemming.Data." + file)
            ?? throw new InvalidOperationException($"The embedded resource Stemming/Data/{file} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && !word.StartsWith('#')) yield return word;
        }
    }
}
