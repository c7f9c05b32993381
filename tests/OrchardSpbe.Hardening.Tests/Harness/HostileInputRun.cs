using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Hardening.Tests.Harness;

/// <summary>Who the harness is: a user name and password on the PD (and on the portal, where the account exists there too).</summary>
public sealed record HarnessRole(string Name, string UserName, string Password, bool SignInOnPortal);

/// <summary>What one run found.</summary>
public sealed class HarnessReport
{
    public int Endpoints, Requests, Writes, TablesCompared;
    public TimeSpan Elapsed;
    public readonly Dictionary<string, int> PerValue = new();
    public readonly SortedDictionary<int, int> Statuses = new();
    public readonly List<string> ServerErrors = [];
    public readonly List<string> HalfWritten = [];
}

/// <summary>
/// Sends the whole corpus to every field of every endpoint as one role (the full cross product: about 5,000 requests,
/// under a minute); the body-level cases and hostile route segments go once per endpoint. Each refused
/// change (4xx, or a form shown again with an error) is checked against the tenant's store: nothing written.
/// </summary>
public sealed partial class HostileInputRun(TestSite site, string pd, HarnessRole role)
{
    /// <summary>Kestrel's default MaxRequestLineSize (8 KB): a longer request line never reaches the application.</summary>
    private const int RequestLineLimit = 8 * 1024;

    private readonly Dictionary<string, SiteClient> _clients = new();

    public async Task<HarnessReport> RunAsync(IReadOnlyList<HarnessEndpoint> endpoints)
    {
        var report = new HarnessReport { Endpoints = endpoints.Count };
        var stopwatch = Stopwatch.StartNew();
        var shells = site.Services.GetRequiredService<ShellHost>();
        for (var index = 0; index < endpoints.Count; index++)
        {
            var endpoint = endpoints[index];
            // Portal-only endpoints and features the PD does not have are sent to the portal.
            var onPortal = endpoint.PortalOnly || (endpoint.FeatureId is { } feature && shells.Find(pd)?.IsFeatureEnabled(feature) == false);
            var tenant = onPortal ? null : pd;
            var client = await ClientAsync(tenant);
            var token = endpoint.Method == "GET" ? null : await TokenAsync(client, tenant);
            var path = Resolve(endpoint.Pattern, null);
            // The values a person would post (the form as served: its version stamp, its ticked boxes); one field at a time turns hostile.
            var defaults = endpoint.Method != "GET" && !endpoint.Json ? await HarvestAsync(client, tenant, path) : new Dictionary<string, string>();
            var fields = endpoint.Fields.Union(defaults.Keys).ToList();
            var digest = endpoint.Method == "GET" ? null : new StoreDigest(Path.Combine(site.AppData, "Sites", tenant ?? TenantRecord.DefaultName, "site.db"));

            async Task SendAsync(string label, string requestPath, Func<HttpContent?> body, string? queryField = null, HostileValue? queryValue = null)
            {
                var before = digest is null ? null : await digest.TakeAsync();
                var url = site.Url(tenant, requestPath + (queryField is null ? "" : "?" + Encode(queryField) + "=" + EncodeValue(queryValue!)));
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url) { Content = endpoint.Method == "GET" ? null : body() };
                if (token is not null) request.Headers.Add("X-CSRF-TOKEN", token);
                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request);
                }
                catch (HttpRequestException) when (url.OriginalString.Length > RequestLineLimit)
                {
                    // Kestrel answers a request line over its limit with 414 and closes the connection at once; a client
                    // still sending the rest of a 1 MB URL may see the reset before the 414. Refused before any app code ran.
                    report.Statuses[414] = report.Statuses.GetValueOrDefault(414) + 1;
                    return;
                }
                catch (HttpRequestException e)
                {
                    report.ServerErrors.Add($"{endpoint} [{label}]: connection failed ({e.Message})");
                    return;
                }
                using (response)
                {
                    report.Requests++;
                    var status = (int)response.StatusCode;
                    report.Statuses[status] = report.Statuses.GetValueOrDefault(status) + 1;
                    var text = await response.Content.ReadAsStringAsync();
                    // SPBE_HARNESS_TRACE=<file>: one line per request, to see what each endpoint answered.
                    if (Environment.GetEnvironmentVariable("SPBE_HARNESS_TRACE") is { Length: > 0 } trace)
                        await File.AppendAllTextAsync(trace, $"{role.Name}\t{endpoint}\t{label}\t{status}\t{response.Headers.Location}\t{ErrorText().Match(text).Groups[1].Value}\n");
                    if (status >= 500) report.ServerErrors.Add($"{endpoint} [{label}] → {status}: {text[..Math.Min(200, text.Length)]}");
                    if (before is null) return;
                    var refused = status >= 400 || FieldError().IsMatch(text) || AlertError().IsMatch(text);
                    var changed = StoreDigest.Changed(before, await digest!.TakeAsync());
                    report.TablesCompared = Math.Max(report.TablesCompared, digest.Tables.Count);
                    if (changed.Count > 0) report.Writes++;
                    if (refused && changed.Count > 0)
                        report.HalfWritten.Add($"{endpoint} [{label}] → {status} but wrote {string.Join(", ", changed)}");
                }
            }

            // Field by field: every field gets every value of the corpus, the other fields keeping their defaults.
            if (fields.Count > 0)
            {
                foreach (var field in fields)
                    foreach (var value in HostileCorpus.Values)
                    {
                        report.PerValue[value.Name] = report.PerValue.GetValueOrDefault(value.Name) + 1;
                        if (endpoint.Method == "GET")
                            await SendAsync($"{field} = {value.Name}", path, () => null, field, value);
                        else
                            await SendAsync($"{field} = {value.Name}", path, () => Body(endpoint.Json, fields, defaults, field, value));
                    }
            }
            else if (endpoint.Method == "GET")
            {
                await SendAsync("no parameters", path, () => null);
            }
            // Hostile route segments.
            if (endpoint.Pattern.Parameters.Count > 0)
                foreach (var value in HostileCorpus.RouteValues)
                    await SendAsync($"route = {value.Name}", Resolve(endpoint.Pattern, value), () => Body(endpoint.Json, fields, defaults, null, null));
            // The body as a whole.
            if (endpoint.Method != "GET")
                foreach (var bodyCase in HostileCorpus.BodyCases)
                    await SendAsync(bodyCase, path, () => WholeBody(endpoint.Json, fields, bodyCase));
        }
        report.Elapsed = stopwatch.Elapsed;
        return report;
    }

    /// <summary>A signed-in client per host; signed in again when an endpoint (sign-out) ended the session.</summary>
    private async Task<SiteClient> ClientAsync(string? tenant)
    {
        var key = tenant ?? "";
        if (!_clients.TryGetValue(key, out var client)) _clients[key] = client = site.NewVisitor();
        var signIn = tenant is not null || role.SignInOnPortal;
        if (signIn && !client.Cookies.GetCookies(site.Url(tenant)).Any(c => c.Name.StartsWith(".spbe.auth", StringComparison.Ordinal)))
            await client.SignInAsync(site.Url(tenant), role.UserName, role.Password);
        return client;
    }

    private async Task<string?> TokenAsync(SiteClient client, string? tenant)
    {
        using var response = await client.GetAsync(site.Url(tenant, "/api/antiforgery"));
        if (!response.IsSuccessStatusCode) return null;
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("token").GetString();
    }

    /// <summary>Field names of the forms that post to <paramref name="path"/>, read from the page at that address or its parent.</summary>
    private async Task<Dictionary<string, string>> HarvestAsync(SiteClient client, string? tenant, string path)
    {
        var values = new Dictionary<string, string>();
        var parent = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "/";
        foreach (var page in new[] { path, parent.Length == 0 ? "/" : parent }.Distinct())
        {
            using var response = await client.GetAsync(site.Url(tenant, page));
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var document = (await SiteClient.ReadAsync(response)).Document;
            foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
            {
                var action = new Uri(site.Url(tenant, page), form.GetAttribute("action") ?? page).AbsolutePath;
                if (!string.Equals(action, path, StringComparison.OrdinalIgnoreCase)) continue;
                foreach (var element in form.Elements)
                {
                    var name = element.GetAttribute("name");
                    if (string.IsNullOrEmpty(name) || name == "__RequestVerificationToken" || values.ContainsKey(name)) continue;
                    var value = element switch
                    {
                        IHtmlInputElement { Type: "checkbox" or "radio" } box => box.IsChecked ? box.Value : null,
                        IHtmlInputElement { Type: "file" } => null,
                        // A required field left empty would refuse every request: it gets a plain value.
                        IHtmlInputElement input => input.Value.Length == 0 && input.IsRequired ? "Uji harness" : input.Value,
                        IHtmlTextAreaElement area => area.Value.Length == 0 && area.IsRequired ? "Uji harness" : area.Value,
                        IHtmlSelectElement select => select.Value ?? "",
                        IHtmlButtonElement button => button.Value,
                        _ => null,
                    };
                    if (value is not null) values[name] = value;
                }
            }
        }
        return values;
    }

    // Safe route values: real enough to reach the action (a content type, a feed format), naming no existing record.
    private static string Resolve(RoutePattern pattern, HostileValue? hostile)
    {
        var builder = new StringBuilder();
        var first = true;
        foreach (var segment in pattern.PathSegments)
        {
            builder.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal: builder.Append(literal.Content); break;
                    case RoutePatternSeparatorPart separator: builder.Append(separator.Content); break;
                    case RoutePatternParameterPart parameter:
                        if (hostile is not null && first) builder.Append(EncodeValue(hostile));
                        else builder.Append(SafeRouteValue(parameter));
                        first = false;
                        break;
                }
            }
        }
        return builder.Length == 0 ? "/" : builder.ToString();
    }

    private static string SafeRouteValue(RoutePatternParameterPart parameter) => parameter.Name.ToLowerInvariant() switch
    {
        "type" => "Article",
        "format" => "rss",
        "culture" => "en",
        _ when parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") => "999999",
        _ => "uji-tidak-ada",
    };

    private static HttpContent Body(bool json, IReadOnlyList<string> fields, Dictionary<string, string> defaults, string? field, HostileValue? value)
    {
        if (json)
        {
            var members = fields.Select(f => $"{JsonSerializer.Serialize(f)}: {(f == field ? JsonValue(value!) : "\"uji\"")}");
            return JsonContent("{" + string.Join(", ", members) + "}", value is { Raw: true } && field is not null);
        }
        var pairs = fields.Select(f => Encode(f) + "=" + (f == field ? EncodeValue(value!) : Encode(defaults.GetValueOrDefault(f, "uji"))));
        return FormContent(string.Join("&", pairs));
    }

    private static HttpContent WholeBody(bool json, IReadOnlyList<string> fields, string bodyCase)
    {
        var name = fields.FirstOrDefault() ?? "nilai";
        return (bodyCase, json) switch
        {
            ("duplicate keys", true) => JsonContent($"{{{JsonSerializer.Serialize(name)}: \"a\", {JsonSerializer.Serialize(name)}: \"b\"}}"),
            ("duplicate keys", false) => FormContent($"{Encode(name)}=a&{Encode(name)}=b"),
            ("deep nesting", true) => JsonContent($"{{{JsonSerializer.Serialize(name)}: {new string('[', 5000)}{new string(']', 5000)}}}"),
            ("deep nesting", false) => FormContent(Encode(name + string.Concat(Enumerable.Repeat("[0]", 500))) + "=uji"),
            ("wrong content type", true) => FormContent(Encode(name) + "=uji"),
            ("wrong content type", false) => JsonContent($"{{{JsonSerializer.Serialize(name)}: \"uji\"}}"),
            (_, true) => JsonContent(""),
            _ => FormContent(""),
        };
    }

    private static string JsonValue(HostileValue value) =>
        value.JsonNumber ? value.Value : value.Raw ? "\"uji\u0001RAW\"" : JsonSerializer.Serialize(value.Value);

    private static HttpContent JsonContent(string text, bool invalidUtf8 = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        // Invalid UTF-8 inside a JSON string: the marker is replaced by the bytes C3 28 FF.
        if (invalidUtf8) bytes = Encoding.UTF8.GetBytes(text.Replace("\u0001RAW", "\u0001")).SelectMany(b => b == 0x01 ? new byte[] { 0xC3, 0x28, 0xFF } : [b]).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static HttpContent FormContent(string text)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(text));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        return content;
    }

    private static string Encode(string text) => Uri.EscapeDataString(text);

    // Lone surrogates cannot be escaped as UTF-8: their replacement character is sent instead, beside U+FFFE.
    private static string EncodeValue(HostileValue value) => value.Raw ? value.Value : Uri.EscapeDataString(value.Value.Replace('\uD800', '\uFFFD'));

    // A message beside a field, or in the form's summary (tag helpers add their own classes beside ours).
    [GeneratedRegex("""class="[^"]*\bfield-error\b[^"]*"[^>]*>\s*[^<\s]""")]
    private static partial Regex FieldError();

    [GeneratedRegex("""class="[^"]*\b(?:field-error|alert-error)\b[^"]*"[^>]*>\s*(?:<ul>\s*<li>)?\s*([^<\s][^<]{0,119})""")]
    private static partial Regex ErrorText();

    [GeneratedRegex("""class="[^"]*\balert-error\b[^"]*"[^>]*>\s*(?:<ul>\s*<li>)?\s*[^<\s]""")]
    private static partial Regex AlertError();
}
