using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OrchardSpbe.Programmers.Controllers;

/// <summary>How this module's forms answer: a refused form is shown again with its reason (400, nothing written); a done one redirects with its message.</summary>
internal static class FormAnswers
{
    public static async Task<IActionResult> AnswerAsync(this Controller controller, string? error, Func<string, Task<IActionResult>> refused, string done, string redirect)
    {
        if (error is not null)
        {
            controller.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await refused(error);
        }
        controller.TempData["Message"] = done;
        return controller.Redirect(redirect);
    }

    /// <summary>The posted fields named "{prefix}{key}" (one per member: "hadir-{id}", "rekomendasi-{id}"), by key.</summary>
    public static Dictionary<string, string> FieldsStartingWith(this Controller controller, string prefix)
    {
        var form = controller.Request.HasFormContentType ? controller.Request.Form : null;
        return form?.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(k => k[prefix.Length..], k => form[k].ToString()) ?? [];
    }
}
