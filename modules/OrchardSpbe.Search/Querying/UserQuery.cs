using System.Text;
using OrchardSpbe.Search.Indexing;

namespace OrchardSpbe.Search.Querying;

/// <summary>
/// What a person typed, read tolerantly — never handed to a query parser, so nothing in it is syntax
/// except "quoted phrases" and a trailing * on a word (prefix). Control characters are spaces, the text is
/// cut at <see cref="MaxLength"/> characters and <see cref="MaxClauses"/> words; a lone * or a one-letter
/// prefix is dropped (it would match everything). Empty → no search at all, never a scan of the index.
/// </summary>
public sealed record UserQuery(string Text, IReadOnlyList<QueryClause> Clauses)
{
    public const int MaxLength = 200;
    public const int MaxClauses = 12;
    public const int MinPrefix = 3;

    public bool IsEmpty => Clauses.Count == 0;

    public static UserQuery Parse(string? input)
    {
        var text = Clean(input);
        var clauses = new List<QueryClause>();
        var inPhrase = false;
        var word = new StringBuilder();
        var phrase = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (c == '"')
            {
                if (inPhrase) AddPhrase(clauses, phrase.ToString());
                else AddWord(clauses, word);
                phrase.Clear();
                inPhrase = !inPhrase;
            }
            else if (inPhrase) phrase.Append(c);
            else if (char.IsWhiteSpace(c)) AddWord(clauses, word);
            else word.Append(c);
        }
        if (inPhrase) AddPhrase(clauses, phrase.ToString());   // an unclosed quote: a phrase to the end
        return new UserQuery(text.Trim(), clauses.Take(MaxClauses).ToList());
    }

    private static string Clean(string? input)
    {
        if (string.IsNullOrEmpty(input)) return "";
        var cut = input.Length > MaxLength ? input[..MaxLength] : input;
        var builder = new StringBuilder(cut.Length);
        foreach (var c in cut) builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? ' ' : c);
        return builder.ToString();
    }

    private static void AddWord(List<QueryClause> clauses, StringBuilder word)
    {
        var raw = word.ToString();
        word.Clear();
        if (raw.Length == 0) return;
        var prefix = raw.EndsWith('*');
        var terms = SearchAnalyzers.Terms(SearchAnalyzers.Raw, raw.Replace('*', ' '));
        for (var i = 0; i < terms.Count; i++)
        {
            var last = i == terms.Count - 1;
            if (last && prefix && terms[i].Length >= MinPrefix) clauses.Add(new QueryClause(QueryClauseKind.Prefix, [terms[i]]));
            else clauses.Add(new QueryClause(QueryClauseKind.Word, [terms[i]]));
        }
    }

    private static void AddPhrase(List<QueryClause> clauses, string phrase)
    {
        var terms = SearchAnalyzers.Terms(SearchAnalyzers.Raw, phrase);
        if (terms.Count == 1) clauses.Add(new QueryClause(QueryClauseKind.Exact, terms));
        else if (terms.Count > 1) clauses.Add(new QueryClause(QueryClauseKind.Phrase, terms.Take(MaxClauses).ToList()));
    }
}

public enum QueryClauseKind
{
    /// <summary>A word: its stem, its raw form, or a near spelling.</summary>
    Word,
    /// <summary>word*: raw terms starting with it.</summary>
    Prefix,
    /// <summary>"word": this raw form only.</summary>
    Exact,
    /// <summary>"several words": these raw forms in this order.</summary>
    Phrase,
}

public sealed record QueryClause(QueryClauseKind Kind, IReadOnlyList<string> Terms);
