namespace OrchardSpbe.Navigation;

/// <summary>
/// Links to a list's other pages, drawn by the site theme's "_Pager" partial: previous, a window of
/// nearby pages, next — a list of 10,000 items stays a short row of links.
/// </summary>
public sealed record Pager(int Page, int PageCount, Func<int, string> Href)
{
    public const int Window = 3;

    /// <summary>How many pages <paramref name="total"/> items fill, <paramref name="pageSize"/> a page (at least one).</summary>
    public static int PageCountOf(long total, int pageSize) => (int)Math.Max(1, (total + pageSize - 1) / pageSize);

    public IEnumerable<int> Nearby => Enumerable.Range(Math.Max(1, Page - Window), Math.Min(PageCount, Page + Window) - Math.Max(1, Page - Window) + 1);
}
