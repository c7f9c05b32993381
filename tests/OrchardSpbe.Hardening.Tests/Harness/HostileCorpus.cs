namespace OrchardSpbe.Hardening.Tests.Harness;

/// <summary>One hostile value for one field. <see cref="Raw"/>: already percent-encoded bytes (invalid UTF-8), sent as is.</summary>
public sealed record HostileValue(string Name, string Value, bool Raw = false, bool JsonNumber = false);

/// <summary>
/// The fixed corpus of issue 15, sent to every field of every endpoint: sizes, characters XML and
/// Unicode refuse, numbers and dates at the edges, traversal. Body-level cases (duplicate keys, deep
/// nesting, the wrong content type, an empty body) are sent once per endpoint by <see cref="BodyCases"/>.
/// </summary>
public static class HostileCorpus
{
    public static readonly IReadOnlyList<HostileValue> Values =
    [
        new("empty", ""),
        new("1 MB", new string('a', 1024 * 1024)),
        new("NUL", "uji\u0000nul"),
        new("control characters", "uji\u0001\u0008\u000B\u000C\u001F\u007F"),
        new("invalid UTF-8", "uji%C3%28%FF%FE", Raw: true),
        new("U+FFFE and a lone surrogate", "uji\uFFFE\uD800"),
        new("huge number", "99999999999999999999999999999", JsonNumber: true),
        new("negative number", "-2147483649", JsonNumber: true),
        new("non-numeric", "abc"),
        new("date before 0001-01-01T07:00 WIB", "0001-01-01T00:00"),
        new("date at the end of the calendar", "9999-12-31T23:59"),
        new("path traversal", "../../../../etc/passwd"),
        new("encoded traversal", "..%2F..%2F..%2Fetc%2Fpasswd"),
        new("markup", "<script>alert(1)</script>\"'"),
    ];

    /// <summary>Values also put into route segments ({id}, {name}, …).</summary>
    public static readonly IReadOnlyList<HostileValue> RouteValues =
        Values.Where(v => v.Name is "path traversal" or "U+FFFE and a lone surrogate" or "huge number" or "control characters").ToList();

    /// <summary>What is wrong with a whole request body rather than one field.</summary>
    public static readonly IReadOnlyList<string> BodyCases = ["duplicate keys", "deep nesting", "wrong content type", "empty body"];
}
