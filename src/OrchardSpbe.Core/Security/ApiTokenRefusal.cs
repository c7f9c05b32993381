using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace OrchardSpbe.Security;

/// <summary>
/// An API request whose token is refused gets the 401 at once, also where anonymous visitors are welcome: a script
/// with an expired token learns so, instead of reading on as nobody (or being told 403 by an endpoint that needed it).
/// </summary>
public sealed class ApiTokenRefusal(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (ApiTokenHandler.Presented(context.Request) is not null
            && context.GetEndpoint()?.Metadata.GetMetadata<AnswersTokenRefusalAttribute>() is null
            && (await context.AuthenticateAsync(ApiTokenHandler.SchemeName)).Failure is not null)
        {
            await context.ChallengeAsync(ApiTokenHandler.SchemeName);
            return;
        }
        await next(context);
    }
}

/// <summary>On an API that answers a refused token in its own protocol (CKAN's <c>Authorization Error</c>).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AnswersTokenRefusalAttribute : Attribute;
