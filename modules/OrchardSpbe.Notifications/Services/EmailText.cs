using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace OrchardSpbe.Notifications.Services;

/// <summary>What an e-mail says: the plain text stored in the outbox, and the simple HTML alternative made from it at send time.</summary>
public static partial class EmailText
{
    /// <summary>A notification as an e-mail body: its text, the absolute link to open, and who sent it.</summary>
    public static string ForNotification(string body, string? absoluteLink, string siteName, string notificationsUrl)
    {
        var text = new StringBuilder(body.Trim()).Append("\n\n");
        if (absoluteLink is not null) text.Append("Buka: ").Append(absoluteLink).Append("\n\n");
        return text.Append(Footer(siteName))
            .Append("\nSemua notifikasi Anda: ").Append(notificationsUrl).Append('\n').ToString();
    }

    /// <summary>A plain e-mail (a workflow's "send e-mail" step): its text and who sent it.</summary>
    public static string ForMessage(string body, string siteName) => $"{body.Trim()}\n\n{Footer(siteName)}\n";

    private static string Footer(string siteName) => $"--\nEmail ini dikirim otomatis oleh {siteName}. Mohon tidak membalas email ini.";

    /// <summary>The plain text as HTML: paragraphs, line breaks, and every http(s) address as a link.</summary>
    public static string ToHtml(string text)
    {
        var html = new StringBuilder("<!doctype html><html lang=\"id\"><body style=\"font-family:sans-serif;line-height:1.5\">");
        foreach (var paragraph in text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>");
            var at = 0;
            foreach (Match url in Url().Matches(paragraph))
            {
                html.Append(Encode(paragraph[at..url.Index]));
                var href = WebUtility.HtmlEncode(url.Value);
                html.Append("<a href=\"").Append(href).Append("\">").Append(href).Append("</a>");
                at = url.Index + url.Length;
            }
            html.Append(Encode(paragraph[at..])).Append("</p>");
        }
        return html.Append("</body></html>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text).Replace("\n", "<br>");

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Url();
}
