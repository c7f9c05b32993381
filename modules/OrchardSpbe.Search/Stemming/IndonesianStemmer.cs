namespace OrchardSpbe.Search.Stemming;

/// <summary>A word's stem and what decided it, in words an operator can read ("-an, peN- + p: perintah (hunspell-id)").</summary>
public sealed record StemResult(string Stem, string Rule);

/// <summary>
/// An Indonesian stemmer of the Nazief–Adriani family, written for this project from the published algorithm:
/// strip the inflectional suffixes (particle -lah/-kah/-tah/-pun, then possessive -ku/-mu/-nya), the derivational
/// suffix (-i, -kan, -an) and up to three derivational prefixes (di-, ke-, se-, te(r)-, be(r)-, meN-, peN-, per-),
/// recoding the nasal prefixes (mem- + p, men- + t, meng- + k, meny- + s; pe- likewise) — and accept a candidate
/// only when it is a known root. When no candidate is a root the word is kept as it was: a stem is always a real
/// word, never a fragment like "erintah" (Lucene's rule-only stemmer turns "pemerintah" into that).
/// Candidates come in the algorithm's order — suffixes first, prefixes after, then again with fewer suffixes removed
/// (the "backtracking" refinement) — and of those that are roots the one with the fewest removals wins, so
/// "bersekolah" is "ber-" + "sekolah", not "ber-" + "seko" + "-lah".
/// </summary>
public static class IndonesianStemmer
{
    private const int MaxPrefixes = 3;
    private const int MinRootLength = 3;
    private static readonly string[] Particles = ["lah", "kah", "tah", "pun"];
    private static readonly string[] Possessives = ["nya", "ku", "mu"];

    /// <summary>The stem of a lower-case word, with the dictionary in use now.</summary>
    public static StemResult Stem(string word) => Stem(word, RootDictionary.Current);

    public static StemResult Stem(string word, RootDictionary roots)
    {
        if (roots.Stems.TryGetValue(word.AsSpan(), out var known)) return known;
        var result = Compute(word, roots);
        roots.Remember(word, result);
        return result;
    }

    /// <summary>The same for a token's characters: no string is made when the word was seen before.</summary>
    public static StemResult Stem(ReadOnlySpan<char> word, RootDictionary roots) =>
        roots.Stems.TryGetValue(word, out var known) ? known : Stem(word.ToString(), roots);

    private static StemResult Compute(string word, RootDictionary roots)
    {
        if (ProtectedWords.Contains(word)) return new(word, "kata dilindungi (protected word)");
        if (word.Contains('-')) return Reduplicated(word, roots);
        if (!word.All(char.IsAsciiLetterLower)) return new(word, "bukan kata (not a word)");
        if (roots.Find(word) is { } source) return new(word, $"akar kata ({Name(source)})");
        if (word.Length <= MinRootLength) return new(word, "tidak ditemukan (no root found)");
        // Of the candidates that are roots, the one reached with the fewest removals ("pemerintah" is peN- + perintah,
        // not peN- + "perin" + -tah); then one that lost a prefix over one that only lost a suffix ("pencari" is peN- +
        // cari, not "pencar" + -i); then the algorithm's order (which puts ber- before be-, so "berada" is ber- + ada
        // and "beragam" wrongly ber- + "agam": the longer root would fix one and break the other, and "mengurus" too).
        Candidate? best = null;
        RootSource bestSource = default;
        var order = 0;
        var bestOrder = 0;
        foreach (var candidate in Candidates(word))
        {
            order++;
            if (candidate.Word.Length < MinRootLength || roots.Find(candidate.Word) is not { } found) continue;
            if (best is { } current && !Better(candidate, current)) continue;
            (best, bestSource, bestOrder) = (candidate, found, order);
        }
        return best is { } chosen
            ? new(chosen.Word, $"{chosen.Steps}: {chosen.Word} ({Name(bestSource)})")
            : new(word, "tidak ditemukan (no root found)");
    }

    /// <summary>"anak-anak" → anak; "berlari-lari" → lari (both halves stem to the same root); else the word itself when known.</summary>
    private static StemResult Reduplicated(string word, RootDictionary roots)
    {
        var parts = word.Split('-');
        if (parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0)
        {
            var first = Stem(parts[0], roots);
            var second = Stem(parts[1], roots);
            if (first.Stem == second.Stem && second.Stem.All(char.IsAsciiLetterLower))
                return new(second.Stem, $"kata ulang (reduplication): {second.Rule}");
        }
        return roots.Find(word) is { } source ? new(word, $"akar kata ({Name(source)})") : new(word, "tidak ditemukan (no root found)");
    }

    private static string Name(RootSource source) => source switch
    {
        RootSource.Hunspell => "hunspell-id",
        RootSource.Curated => "daftar kurasi",
        _ => "daftar kota",
    };

    /// <summary>A candidate root and how it was reached: the removals, and whether one of them was a prefix.</summary>
    private readonly record struct Candidate(string Word, string Steps, int Removals = 0, bool Prefixed = false);

    private static bool Better(Candidate candidate, Candidate than) =>
        candidate.Removals != than.Removals ? candidate.Removals < than.Removals
        : candidate.Prefixed && !than.Prefixed;

    /// <summary>Every candidate root of the word, in the order they are tried.</summary>
    private static IEnumerable<Candidate> Candidates(string word)
    {
        var inflected = Inflections(word).ToList();
        // 1. The inflectional suffixes alone ("bukunya" → buku).
        foreach (var (rest, steps) in inflected)
            if (steps.Length > 0) yield return new(rest, steps, Count(steps));
        // 2. Then a derivational suffix, then prefixes; for each way of removing the inflectional suffixes, most removed first.
        foreach (var (rest, steps) in inflected)
        {
            foreach (var (stem, suffix, suffixSteps) in Derivations(rest, steps))
            {
                yield return new(stem, suffixSteps, Count(suffixSteps));
                foreach (var prefixed in Prefixes(stem, suffix, suffixSteps, depth: 0, used: 0)) yield return prefixed;
            }
            // The backtracking step: what looked like a derivational suffix belongs to the root ("bertani" is ber- + tani,
            // not ber- + "tan" + -i; "pengawasan" finds awas with -an, "kawasan" without).
            foreach (var prefixed in Prefixes(rest, suffix: null, steps, depth: 0, used: 0)) yield return prefixed;
        }
    }

    /// <summary>The word without its particle and possessive (both, each, none), most removed first.</summary>
    private static IEnumerable<(string Remainder, string Steps)> Inflections(string word)
    {
        var particle = Particles.FirstOrDefault(p => word.Length - p.Length >= MinRootLength && word.EndsWith(p, StringComparison.Ordinal));
        var afterParticle = particle is null ? word : word[..^particle.Length];
        var possessive = Possessives.FirstOrDefault(p => afterParticle.Length - p.Length >= MinRootLength && afterParticle.EndsWith(p, StringComparison.Ordinal));
        if (particle is not null && possessive is not null) yield return (afterParticle[..^possessive.Length], $"-{particle}, -{possessive}");
        if (particle is not null) yield return (afterParticle, $"-{particle}");
        var possessiveOnly = Possessives.FirstOrDefault(p => word.Length - p.Length >= MinRootLength && word.EndsWith(p, StringComparison.Ordinal));
        if (possessiveOnly is not null && particle is null) yield return (word[..^possessiveOnly.Length], $"-{possessiveOnly}");
        yield return (word, "");
    }

    /// <summary>The word without -an, -kan or -i (each that ends it; -an first: "peternakan" is ternak + -an before "terna" + -kan).</summary>
    private static IEnumerable<(string Stem, string Suffix, string Steps)> Derivations(string word, string steps)
    {
        foreach (var suffix in new[] { "an", "kan", "i" })
            if (word.Length - suffix.Length >= MinRootLength && word.EndsWith(suffix, StringComparison.Ordinal))
                yield return (word[..^suffix.Length], suffix, Join(steps, "-" + suffix));
    }

    [Flags]
    private enum Kind { Di = 1, Ke = 2, Se = 4, Te = 8, Be = 16, Me = 32, Pe = 64, Per = 128 }

    /// <summary>
    /// Prefix removals, depth first (each removal's result is tried before a further prefix is removed from it), at
    /// most three, never the same prefix twice, and — for the outermost prefix — never a combination the language
    /// does not form with the suffix removed (be-…-i, di-…-an, ke-…-i, ke-…-kan, me-…-an, se-…-i, se-…-kan, te-…-an).
    /// </summary>
    private static IEnumerable<Candidate> Prefixes(string word, string? suffix, string steps, int depth, Kind used)
    {
        if (depth >= MaxPrefixes) yield break;
        foreach (var (kind, label, rest) in Removals(word))
        {
            if ((used & kind) != 0 || rest.Length < MinRootLength) continue;
            if (depth == 0 && suffix is not null && Disallowed(kind, suffix)) continue;
            var next = Join(steps, label);
            yield return new(rest, next, Count(next), Prefixed: true);
            foreach (var deeper in Prefixes(rest, suffix, next, depth + 1, used | kind)) yield return deeper;
        }
    }

    private static bool Disallowed(Kind prefix, string suffix) => (prefix, suffix) switch
    {
        (Kind.Be, "i") or (Kind.Di, "an") or (Kind.Ke, "i") or (Kind.Ke, "kan") or (Kind.Me, "an")
            or (Kind.Se, "i") or (Kind.Se, "kan") or (Kind.Te, "an") => true,
        _ => false,
    };

    /// <summary>The ways one prefix can come off the word, most likely first; the dictionary decides between them.</summary>
    private static IEnumerable<(Kind Kind, string Label, string Remainder)> Removals(string w)
    {
        if (w.StartsWith("di", StringComparison.Ordinal)) yield return (Kind.Di, "di-", w[2..]);
        if (w.StartsWith("ke", StringComparison.Ordinal)) yield return (Kind.Ke, "ke-", w[2..]);
        if (w.StartsWith("se", StringComparison.Ordinal)) yield return (Kind.Se, "se-", w[2..]);
        if (w.StartsWith("te", StringComparison.Ordinal))
        {
            if (w.StartsWith("ter", StringComparison.Ordinal)) yield return (Kind.Te, "ter-", w[3..]);
            // te- before a root that starts with r: "terasa" is te- + rasa.
            if (At(w, 2) == 'r' && IsVowel(At(w, 3))) yield return (Kind.Te, "te-", w[2..]);
        }
        if (w.StartsWith("be", StringComparison.Ordinal))
        {
            if (w.StartsWith("ber", StringComparison.Ordinal)) yield return (Kind.Be, "ber-", w[3..]);
            if (At(w, 2) == 'r' && IsVowel(At(w, 3))) yield return (Kind.Be, "be-", w[2..]);              // berumah: be- + rumah
            if (w.StartsWith("belajar", StringComparison.Ordinal)) yield return (Kind.Be, "bel-", w[3..]);
            if (IsConsonant(At(w, 2)) && At(w, 2) != 'r' && w.AsSpan(3).StartsWith("er")) yield return (Kind.Be, "be-", w[2..]); // bekerja, beternak
        }
        if (w.StartsWith("me", StringComparison.Ordinal))
            foreach (var removal in Nasal(w, "me", Kind.Me)) yield return removal;
        if (w.StartsWith("pe", StringComparison.Ordinal))
        {
            if (w.StartsWith("per", StringComparison.Ordinal)) yield return (Kind.Per, "per-", w[3..]);
            if (w.StartsWith("pelajar", StringComparison.Ordinal)) yield return (Kind.Pe, "pel-", w[3..]);
            foreach (var removal in Nasal(w, "pe", Kind.Pe)) yield return removal;
            // pe- before any other consonant keeps it: pekerja, petani, pedagang; before r: perumahan is pe- + rumah.
            if (IsConsonant(At(w, 2)) && At(w, 2) is not ('m' or 'n' or 'l' or 'r' or 'w' or 'y')) yield return (Kind.Pe, "pe-", w[2..]);
        }
    }

    /// <summary>meN- and peN-: the nasal takes the root's first consonant's place (p, t, k, s) or stands before it.</summary>
    private static IEnumerable<(Kind Kind, string Label, string Remainder)> Nasal(string w, string head, Kind kind)
    {
        var N = head + "N-";
        if (w.AsSpan(2).StartsWith("ng"))
        {
            var rest = w[4..];
            if (IsVowel(At(rest, 0)))
            {
                yield return (kind, $"{N} (ng)", rest);                          // mengambil, pengurusan
                yield return (kind, $"{N} + k (ngV → kV)", "k" + rest);           // mengirim, pengelolaan
                if (rest.StartsWith('e') && Syllables(rest[1..]) == 1) yield return (kind, $"{head}nge-", rest[1..]); // mengecat: one-syllable roots only
            }
            else if (At(rest, 0) is 'g' or 'h' or 'q' or 'x' or 'k') yield return (kind, $"{N} (ng)", rest); // menggali, menghitung
            yield break;
        }
        if (w.AsSpan(2).StartsWith("ny"))
        {
            var rest = w[4..];
            if (IsVowel(At(rest, 0)))
            {
                yield return (kind, $"{N} + s (nyV → sV)", "s" + rest);           // menyusun, penyelamatan
                yield return (kind, $"{N} (ny)", "ny" + rest);                    // menyanyi
            }
            yield break;
        }
        if (At(w, 2) == 'm')
        {
            var rest = w[3..];
            if (At(rest, 0) is 'b' or 'f' or 'v') yield return (kind, $"{N} (m)", rest);               // membangun, pemberdayaan
            else if (At(rest, 0) == 'p') yield return (kind, $"{N} (m)", rest);                           // memperbaiki, mempunyai, memproses: p kept
            else if (At(rest, 0) is 'r' or 'l') yield return (kind, $"{N} + p (mr → pr)", "p" + rest);   // pemrograman: the p of a cluster dropped
            else if (IsVowel(At(rest, 0)))
            {
                yield return (kind, $"{N} + p (mV → pV)", "p" + rest);           // memilih, pemerintah, pemadam
                yield return (kind, $"{head}-", "m" + rest);                      // memakan, peminat
            }
            yield break;
        }
        if (At(w, 2) == 'n')
        {
            var rest = w[3..];
            if (At(rest, 0) is 'c' or 'd' or 'j' or 'z' or 't' || rest.StartsWith("sy", StringComparison.Ordinal)) yield return (kind, $"{N} (n)", rest); // mendengar, pencatatan
            else if (IsVowel(At(rest, 0)))
            {
                yield return (kind, $"{N} + t (nV → tV)", "t" + rest);           // menulis, penanaman
                yield return (kind, $"{head}-", "n" + rest);                      // menanti
            }
            yield break;
        }
        // me- / pe- before l, r, w, y: melihat, merawat, pelayanan, pewarna.
        if (At(w, 2) is 'l' or 'r' or 'w' or 'y') yield return (kind, $"{head}-", w[2..]);
    }

    /// <summary>Groups of vowels: "cat" 1, "bom" 1, "tahu" 2.</summary>
    private static int Syllables(string word)
    {
        var count = 0;
        for (var i = 0; i < word.Length; i++)
            if (IsVowel(word[i]) && (i == 0 || !IsVowel(word[i - 1]))) count++;
        return count;
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';
    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
    private static bool IsConsonant(char c) => char.IsAsciiLetterLower(c) && !IsVowel(c);
    private static int Count(string steps) => steps.Length == 0 ? 0 : steps.Split(", ").Length;
    private static string Join(string steps, string step) => steps.Length == 0 ? step : steps + ", " + step;
}
