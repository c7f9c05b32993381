using System.Globalization;
using System.Net.Http.Headers;

namespace OrchardSpbe.Testing;

/// <summary>What a person does on a site's Token API page (/admin/token), and how their script then sends the token.</summary>
public static class ApiTokens
{
    /// <summary>Creates a token as the signed-in <paramref name="user"/>; returns the secret the page shows once.</summary>
    public static async Task<string> CreateAsync(SiteClient user, Uri tokenPage, string name, int days = 30)
    {
        var page = await user.SubmitAsync(tokenPage, "form.token-form",
            new Dictionary<string, string> { ["name"] = name, ["days"] = days.ToString(CultureInfo.InvariantCulture) });
        if (page.Errors.Count > 0) throw new InvalidOperationException("Token not created: " + string.Join("; ", page.Errors));
        return page.Document.QuerySelector("code.new-token")?.TextContent.Trim() ?? throw new InvalidOperationException("No token shown: " + page.Heading);
    }

    /// <summary>Presses "Cabut" on the row of the token named <paramref name="name"/>.</summary>
    public static async Task RevokeAsync(SiteClient user, Uri tokenPage, string name)
    {
        var list = await user.OpenAsync(tokenPage);
        var row = list.Document.QuerySelectorAll("tr[data-token]").Single(r => r.Children[0].TextContent.Trim() == name);
        var revoked = await list.SubmitAsync(user, $"tr[data-token='{row.GetAttribute("data-token")}'] form", new Dictionary<string, string>());
        if (revoked.Errors.Count > 0) throw new InvalidOperationException("Token not revoked: " + string.Join("; ", revoked.Errors));
    }

    /// <summary>A request as a script sends it: the token as a bearer token, and no cookie or antiforgery token.</summary>
    public static HttpRequestMessage Request(HttpMethod method, Uri url, string token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
