using System.ServiceModel.Syndication;
using OrchardSpbe.Text;

namespace OrchardSpbe.PublicSite.Services;

public enum FeedFormat { Rss, Atom }

/// <summary>What one feed says about itself; items come as catalog cards.</summary>
public sealed record FeedInfo(string Title, string Description, string SiteUrl, string SelfUrl, string Publisher, DateTimeOffset Updated);

/// <summary>
/// Writes a feed of catalog cards as RSS 2.0 or Atom 1.0 with System.ServiceModel.Syndication. Every link
/// is absolute and points at the item on its PD's own site; an agenda item's description starts with
/// when and where it takes place, so a feed reader shows it without opening the page.
/// </summary>
public static class FeedWriter
{
    public const string RssContentType = "application/rss+xml; charset=utf-8";
    public const string AtomContentType = "application/atom+xml; charset=utf-8";

    public static byte[] Write(FeedInfo info, IEnumerable<SyndicationItem> items, FeedFormat format)
    {
        var feed = new SyndicationFeed(info.Title, info.Description, new Uri(info.SiteUrl), info.SelfUrl, info.Updated)
        {
            Language = "id",
            Items = items.ToList(),
        };
        feed.Links.Add(new SyndicationLink(new Uri(info.SelfUrl), "self", info.Title,
            format == FeedFormat.Rss ? "application/rss+xml" : "application/atom+xml", 0));
        // Atom requires an author for the feed (or each entry); the site publishing the feed is it.
        feed.Authors.Add(new SyndicationPerson { Name = info.Publisher });

        using var buffer = new MemoryStream();
        // Titles and places come from editors and recipes: the safe writer drops what XML cannot carry.
        using (var writer = SafeXmlWriter.Create(buffer))
        {
            if (format == FeedFormat.Rss) new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(writer);
            else new Atom10FeedFormatter(feed).WriteTo(writer);
        }
        return buffer.ToArray();
    }

    /// <summary>One item: its title, absolute link (also its id), summary and the PD that published it.</summary>
    public static SyndicationItem Item(CatalogCard card, string description, FeedFormat format)
    {
        // The description is the item's summary (RSS <description>, Atom <summary>); the full text stays on the PD's site.
        var item = new SyndicationItem
        {
            Id = card.Url,
            Title = new TextSyndicationContent(card.Title),
            Summary = new TextSyndicationContent(description),
            PublishDate = card.Entry.PublishedUtc,
            LastUpdatedTime = card.Entry.PublishedUtc,
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(card.Url)));
        item.Categories.Add(new SyndicationCategory(card.PdName));
        // RSS 2.0's <author> must be an email address; there the PD's name is the item's <category>.
        if (format == FeedFormat.Atom) item.Authors.Add(new SyndicationPerson { Name = card.PdName, Uri = card.PdUrl });
        return item;
    }
}
