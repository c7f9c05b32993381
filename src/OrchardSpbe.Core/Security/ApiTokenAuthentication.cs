using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace OrchardSpbe.Security;

/// <summary>
/// Wires the token scheme beside the site's sign-in: the default scheme becomes a selector that gives an API request
/// carrying a token to <see cref="ApiTokenHandler"/> (the cookie plays no part in it) and every other request to the
/// scheme the site signs people in with (the Users module's cookie). So any endpoint's [RequirePermission] holds for a
/// token's user exactly as for the cookie's.
/// </summary>
public static class ApiTokenAuthentication
{
    public const string SelectorScheme = "Spbe";

    public static IServiceCollection AddApiTokenAuthentication(this IServiceCollection services)
    {
        var signIn = new SignInScheme();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddPolicyScheme(SelectorScheme, null, o => o.ForwardDefaultSelector = context =>
                ApiTokenHandler.Presented(context.Request) is null ? signIn.Name : ApiTokenHandler.SchemeName);
        // After every module's configuration: whatever the site set as its default (Identity's cookie) is kept for the
        // requests without a token, and the selector takes its place.
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            if (o.DefaultAuthenticateScheme is { } current && current != SelectorScheme) signIn.Name = current;
            o.DefaultAuthenticateScheme = SelectorScheme;
            o.DefaultChallengeScheme = SelectorScheme;
        });
        return services;
    }

    /// <summary>Whether this request was signed in by a token (and so by no cookie).</summary>
    public static bool SignedInByToken(HttpContext context) =>
        context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Ticket?.AuthenticationScheme == ApiTokenHandler.SchemeName;

    private sealed class SignInScheme
    {
        public string? Name { get; set; }
    }
}
