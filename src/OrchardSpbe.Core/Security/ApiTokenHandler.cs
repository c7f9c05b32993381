using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Security;

/// <summary>
/// The API token scheme: a request under /api that carries a token (<c>Authorization</c>, raw or <c>Bearer</c>, or
/// CKAN's <c>X-CKAN-API-Key</c>) is signed in by that token alone, through the <see cref="IApiTokenResolver"/> whose
/// prefix it has. A refused token is a 401 with a JSON problem saying why; a token whose user lacks the permission, a 403.
/// </summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string CkanHeader = "X-CKAN-API-Key";
    private const int MaxLength = 200;

    /// <summary>The token an API request presents, or null (outside /api a token header means nothing).</summary>
    public static string? Presented(HttpRequest request)
    {
        if (!request.Path.StartsWithSegments("/api")) return null;
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header)) header = request.Headers[CkanHeader].ToString();
        if (string.IsNullOrWhiteSpace(header)) return null;
        header = header.Trim();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : header;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Presented(Request) is not { } token) return AuthenticateResult.NoResult();
        var resolver = token.Length is 0 or > MaxLength ? null : Context.RequestServices.GetServices<IApiTokenResolver>()
            .Where(r => token.StartsWith(r.Prefix, StringComparison.Ordinal)).MaxBy(r => r.Prefix.Length);
        var principal = resolver is null ? null : await resolver.ResolveAsync(token, Context.RequestAborted);
        return principal is null
            ? AuthenticateResult.Fail("The API token is unknown, expired or revoked, or belongs to another site.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ProblemAsync(StatusCodes.Status401Unauthorized, T => (T["Token API ditolak."].Value,
            T["Token API tidak dikenal, sudah kedaluwarsa atau dicabut, atau bukan token situs ini. Buat token baru di admin situs ini (Token API)."].Value));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemAsync(StatusCodes.Status403Forbidden, T => (T["Akses ditolak"].Value, T["Pengguna token ini tidak memiliki izin untuk tindakan ini."].Value));

    private Task ProblemAsync(int status, Func<IStringLocalizer<Strings>, (string Title, string Detail)> text)
    {
        var (title, detail) = text(Context.RequestServices.GetRequiredService<IStringLocalizer<Strings>>());
        Response.StatusCode = status;
        return Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = title, Detail = detail },
            (JsonSerializerOptions?)null, "application/problem+json", Context.RequestAborted);
    }
}
