using Lucene.Net.Index;
using Lucene.Net.Search;
using OrchardSpbe.Search.Indexing;

namespace OrchardSpbe.Search.Querying;

/// <summary>
/// The Lucene query of a user query: every clause must match (AND), each in any of its forms — the Indonesian
/// stem (title weighs more), the raw word (codes, over-stemmed words), and for a word the index does not know
/// (a typo) the nearest words it does know (<see cref="NearWords"/>). Visibility and filters are a separate
/// filter, so they do not change the ranking.
/// </summary>
public static class QueryBuilder
{
    /// <param name="near">For a word the index does not have, the nearest words it has (none for a known word).</param>
    public static Query? Build(UserQuery query, Func<string, IReadOnlyList<string>> near)
    {
        var clauses = query.Clauses;
        // Stop words ("dan", "yang") only count when they are all there is.
        var meaningful = clauses.Where(c => c.Kind != QueryClauseKind.Word || Stems(c.Terms[0]).Count > 0 || IsCode(c.Terms[0])).ToList();
        if (meaningful.Count == 0) meaningful = clauses.ToList();
        if (meaningful.Count == 0) return null;
        var all = new BooleanQuery();
        foreach (var clause in meaningful) all.Add(Clause(clause, near), Occur.MUST);
        return all;
    }

    private static Query Clause(QueryClause clause, Func<string, IReadOnlyList<string>> near)
    {
        var any = new BooleanQuery();
        switch (clause.Kind)
        {
            case QueryClauseKind.Word:
            {
                var term = clause.Terms[0];
                any.Add(Boosted(new TermQuery(new Term(SearchFields.Raw, term)), 1f), Occur.SHOULD);
                any.Add(Boosted(new TermQuery(new Term(SearchFields.TitleRaw, term)), 2f), Occur.SHOULD);
                foreach (var stem in Stems(term).Distinct())
                {
                    any.Add(Boosted(new TermQuery(new Term(SearchFields.Text, stem)), 1f), Occur.SHOULD);
                    any.Add(Boosted(new TermQuery(new Term(SearchFields.Title, stem)), 3f), Occur.SHOULD);
                }
                foreach (var other in near(term))
                {
                    any.Add(Boosted(new TermQuery(new Term(SearchFields.Raw, other)), 0.5f), Occur.SHOULD);
                    any.Add(Boosted(new TermQuery(new Term(SearchFields.TitleRaw, other)), 1f), Occur.SHOULD);
                }
                break;
            }
            case QueryClauseKind.Prefix:
                any.Add(new PrefixQuery(new Term(SearchFields.Raw, clause.Terms[0])), Occur.SHOULD);
                any.Add(Boosted(new PrefixQuery(new Term(SearchFields.TitleRaw, clause.Terms[0])), 2f), Occur.SHOULD);
                break;
            case QueryClauseKind.Exact:
                any.Add(new TermQuery(new Term(SearchFields.Raw, clause.Terms[0])), Occur.SHOULD);
                any.Add(Boosted(new TermQuery(new Term(SearchFields.TitleRaw, clause.Terms[0])), 2f), Occur.SHOULD);
                break;
            case QueryClauseKind.Phrase:
                any.Add(Phrase(SearchFields.Raw, clause.Terms, 1f), Occur.SHOULD);
                any.Add(Phrase(SearchFields.TitleRaw, clause.Terms, 2f), Occur.SHOULD);
                break;
        }
        return any;
    }

    /// <summary>The Indonesian analyzer's terms for a word (none for a stop word).</summary>
    public static IReadOnlyList<string> Stems(string word) => SearchAnalyzers.Terms(SearchAnalyzers.Indonesian, word, SearchFields.Text);

    private static bool IsCode(string term) => term.Any(char.IsDigit);

    private static Query Phrase(string field, IReadOnlyList<string> terms, float boost)
    {
        var phrase = new PhraseQuery { Boost = boost };
        foreach (var term in terms) phrase.Add(new Term(field, term));
        return phrase;
    }

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }
}
