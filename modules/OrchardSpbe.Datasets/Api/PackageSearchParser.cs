using System.Globalization;
using System.Text.RegularExpressions;
using OrchardSpbe.Datasets.Catalogue;

namespace OrchardSpbe.Datasets.Api;

/// <summary>
/// CKAN's Solr filter syntax, as far as clients use it, for <c>fq</c> (and field terms in <c>q</c>):
/// <c>field:value</c>, <c>field:"value with spaces"</c>, <c>field:*</c>, <c>field:(a OR b)</c>, ranges
/// <c>metadata_modified:[2025-01-01T00:00:00Z TO *]</c> (also <c>NOW-7DAYS</c>) on dates and counts, negation (<c>-</c>,
/// <c>NOT</c>), required (<c>+</c>), <c>AND</c>/<c>OR</c> and parentheses; terms side by side must all hold.
/// The fields are the facet fields, name, id and the range fields. Anything else — local parameters, wildcards,
/// fuzzy or boosted terms, unknown fields — is a Search Query Error, never passed on.
/// </summary>
public static partial class PackageSearchParser
{
    private static readonly string[] FilterFields = [.. CatalogueQuery.FacetNames, "name", "id"];
    private const int MaxLength = 2000;
    private const int MaxDepth = 16;

    public static DatasetFilter Filters(string? fq)
    {
        if (string.IsNullOrWhiteSpace(fq) || fq.Trim() == "*:*") return DatasetFilter.Everything;
        if (fq.Length > MaxLength) throw new CkanSearchQuery($"Search Query is invalid: longer than {MaxLength} characters");
        if (fq.Contains("{!", StringComparison.Ordinal)) throw new CkanSearchQuery("Search Query is invalid: local parameters are not supported");
        return new FilterReader(fq).ReadAll();
    }

    /// <summary>Splits q into its field terms (a filter) and its free text; local parameters are refused.</summary>
    public static (string? Text, DatasetFilter Filter) Query(string? q)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Trim() == "*:*") return (null, DatasetFilter.Everything);
        if (q.Contains("{!", StringComparison.Ordinal)) throw new CkanSearchQuery("Search Query is invalid: local parameters are not supported");
        if (q.Contains(':')) return (null, Filters(q));
        return (q.Trim(), DatasetFilter.Everything);
    }

    /// <summary>A recursive-descent reader over the filter text: or := and (OR and)*; and := unary ([AND] unary)*.</summary>
    private sealed class FilterReader(string text)
    {
        private int _at;
        private int _depth;

        public DatasetFilter ReadAll()
        {
            var filter = Or(field: null);
            SkipSpace();
            if (_at < text.Length) throw Invalid();
            return filter;
        }

        private DatasetFilter Or(string? field)
        {
            var parts = new List<DatasetFilter> { And(field) };
            while (Keyword("OR") || Symbol("||")) parts.Add(And(field));
            return parts.Count == 1 ? parts[0] : new AnyOf(parts);
        }

        private DatasetFilter And(string? field)
        {
            var parts = new List<DatasetFilter> { Unary(field) };
            while (true)
            {
                SkipSpace();
                if (_at >= text.Length || text[_at] == ')' || Peek("OR") || Peek("||")) break;
                if (!Keyword("AND")) Symbol("&&");
                parts.Add(Unary(field));
            }
            return parts.Count == 1 ? parts[0] : new AllOf(parts);
        }

        private DatasetFilter Unary(string? field)
        {
            SkipSpace();
            if (Keyword("NOT") || Symbol("-") || Symbol("!")) return new NotFilter(Unary(field));
            Symbol("+");
            return Primary(field);
        }

        private DatasetFilter Primary(string? field)
        {
            SkipSpace();
            if (Symbol("("))
            {
                if (++_depth > MaxDepth) throw new CkanSearchQuery("Search Query is invalid: too deeply nested");
                var inner = Or(field);
                if (!Symbol(")")) throw Invalid();
                _depth--;
                return inner;
            }
            if (field is not null) return new TermFilter(field, Value());

            var name = FieldName().Match(text, _at);
            if (!name.Success) throw Invalid();
            _at += name.Length;
            var chosen = name.Groups[1].Value;
            if (CatalogueQuery.RangeNames.Contains(chosen)) return Range(chosen);
            if (!FilterFields.Contains(chosen)) throw new CkanSearchQuery($"Search Query is invalid: unknown field \"{chosen}\"");
            return _at < text.Length && text[_at] == '(' ? Primary(chosen) : new TermFilter(chosen, Value());
        }

        private string Value()
        {
            var match = ValueToken().Match(text, _at);
            if (!match.Success || match.Index != _at) throw Invalid();
            _at += match.Length;
            return match.Groups["quoted"].Success ? match.Groups["quoted"].Value.Replace("\\\"", "\"") : match.Groups["bare"].Value;
        }

        private DatasetFilter Range(string field)
        {
            var match = RangeToken().Match(text, _at);
            if (!match.Success || match.Index != _at) throw new CkanSearchQuery($"Search Query is invalid: \"{field}\" takes a range such as [2025-01-01T00:00:00Z TO *]");
            _at += match.Length;
            var dates = field.StartsWith("metadata_", StringComparison.Ordinal);
            return new RangeFilter(field, Bound(match.Groups["from"].Value, dates), match.Groups["open"].Value == "[",
                Bound(match.Groups["to"].Value, dates), match.Groups["close"].Value == "]");
        }

        private static IComparable? Bound(string value, bool date)
        {
            if (value == "*") return null;
            if (!date) return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : throw new CkanSearchQuery($"Search Query is invalid: \"{value}\" is not a number");
            return SolrDate(value) ?? throw new CkanSearchQuery($"Search Query is invalid: \"{value}\" is not a date");
        }

        /// <summary>An ISO date or time, or Solr's date maths on NOW (NOW-7DAYS, NOW/DAY, NOW-1MONTH/DAY).</summary>
        private static DateTimeOffset? SolrDate(string value)
        {
            var math = DateMath().Match(value);
            if (!math.Success)
                return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null;
            var at = DateTimeOffset.UtcNow;
            foreach (Capture step in math.Groups["step"].Captures)
            {
                var part = DateStep().Match(step.Value);
                var unit = part.Groups["unit"].Value.TrimEnd('S');
                if (part.Groups["round"].Success) at = unit switch
                {
                    "YEAR" => new DateTimeOffset(at.Year, 1, 1, 0, 0, 0, TimeSpan.Zero),
                    "MONTH" => new DateTimeOffset(at.Year, at.Month, 1, 0, 0, 0, TimeSpan.Zero),
                    "DAY" => new DateTimeOffset(at.Date, TimeSpan.Zero),
                    _ => new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero),
                };
                else
                {
                    var amount = int.Parse(part.Groups["amount"].Value, CultureInfo.InvariantCulture) * (part.Groups["sign"].Value == "-" ? -1 : 1);
                    at = unit switch
                    {
                        "YEAR" => at.AddYears(amount),
                        "MONTH" => at.AddMonths(amount),
                        "DAY" => at.AddDays(amount),
                        _ => at.AddHours(amount),
                    };
                }
            }
            return at;
        }

        private void SkipSpace()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at])) _at++;
        }

        private bool Peek(string word)
        {
            SkipSpace();
            return string.CompareOrdinal(text, _at, word, 0, word.Length) == 0
                && (word.Length is 2 && !char.IsLetter(word[0]) || _at + word.Length == text.Length || char.IsWhiteSpace(text[_at + word.Length]) || text[_at + word.Length] == '(');
        }

        private bool Keyword(string word)
        {
            if (!Peek(word)) return false;
            _at += word.Length;
            return true;
        }

        private bool Symbol(string symbol)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _at, symbol, 0, symbol.Length) != 0) return false;
            _at += symbol.Length;
            return true;
        }

        private CkanSearchQuery Invalid() => new($"Search Query is invalid: \"{Shorten(text)}\"");
    }

    public static List<(string Field, bool Descending)> Sort(string? sort)
    {
        var list = new List<(string, bool)>();
        if (string.IsNullOrWhiteSpace(sort) || sort.Trim() == "rank") return [("score", true), ("metadata_modified", true)];
        foreach (var clause in sort.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is < 1 or > 2 || !CatalogueQuery.SortNames.Contains(parts[0]) || (parts.Length == 2 && parts[1] is not ("asc" or "desc")))
                throw new CkanSearchQuery("Invalid \"sort\" parameter");
            list.Add((parts[0], parts.Length == 2 && parts[1] == "desc"));
        }
        return list;
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";

    [GeneratedRegex(@"\G([a-z_]+):")]
    private static partial Regex FieldName();

    // A quoted phrase, a bare word (no Solr syntax characters), or * alone; followed by space, ")" or the end.
    [GeneratedRegex("""\G(?:"(?<quoted>(?:[^"\\]|\\.)*)"|(?<bare>\*|[^\s"():\[\]{}*?~^\\!&|]+))(?=\s|\)|$)""")]
    private static partial Regex ValueToken();

    [GeneratedRegex(@"\G(?<open>[\[{])\s*(?<from>[^\s\]}]+)\s+TO\s+(?<to>[^\s\]}]+)\s*(?<close>[\]}])")]
    private static partial Regex RangeToken();

    [GeneratedRegex(@"^NOW(?<step>(?:[+-]\d{1,4}|/)(?:YEARS?|MONTHS?|DAYS?|HOURS?))*$")]
    private static partial Regex DateMath();

    [GeneratedRegex(@"^(?:(?<round>/)|(?<sign>[+-])(?<amount>\d+))(?<unit>[A-Z]+)$")]
    private static partial Regex DateStep();
}
