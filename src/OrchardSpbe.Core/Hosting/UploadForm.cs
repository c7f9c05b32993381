using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace OrchardSpbe.Hosting;

public enum UploadProblem { None, Forged, TooLarge }

/// <summary>
/// Reads a multipart form that may carry an upload over its limit. Such actions bind no parameters and skip the
/// automatic antiforgery filter (model binding gives up on a form it cannot read): the token is checked here once the
/// form is read, so an oversized or cut upload gets the page's own message rather than a bare 400.
/// </summary>
public static class UploadForm
{
    public static async Task<(IFormCollection? Form, UploadProblem Problem)> ReadAsync(HttpContext context, IAntiforgery antiforgery)
    {
        try
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            await antiforgery.ValidateRequestAsync(context);
            return (form, UploadProblem.None);
        }
        catch (AntiforgeryValidationException)
        {
            return (null, UploadProblem.Forged);
        }
        catch (Exception exception) when (exception is BadHttpRequestException or InvalidDataException or IOException)
        {
            return (null, UploadProblem.TooLarge);
        }
    }
}
