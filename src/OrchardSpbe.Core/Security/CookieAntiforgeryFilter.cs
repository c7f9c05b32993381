using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;

namespace OrchardSpbe.Security;

/// <summary>
/// ASP.NET Core's AutoValidateAntiforgeryToken for every change (POST, PUT, DELETE…), except one signed in by an API
/// token: forgery is a cookie's problem, and such a request carries no cookie's authority. [IgnoreAntiforgeryToken] and
/// [ValidateAntiForgeryToken] on an action still take precedence.
/// </summary>
public sealed class CookieAntiforgeryFilter : IAsyncAuthorizationFilter, IAntiforgeryPolicy, IOrderedFilter
{
    // As AutoValidateAntiforgeryTokenAttribute: after the authorization filters.
    public int Order => 1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (!context.IsEffectivePolicy<IAntiforgeryPolicy>(this)) return;
        var http = context.HttpContext;
        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method)) return;
        if (ApiTokenAuthentication.SignedInByToken(http)) return;
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            context.Result = new AntiforgeryValidationFailedResult();
        }
    }
}
