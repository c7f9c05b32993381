using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace OrchardSpbe.Admin.Controllers;

/// <summary>Hands API clients the antiforgery token to send back in the X-CSRF-TOKEN header.</summary>
[Authorize]
public sealed class AntiforgeryController(IAntiforgery antiforgery) : Controller
{
    [HttpGet("api/antiforgery")]
    public IActionResult Token()
    {
        var tokens = antiforgery.GetAndStoreTokens(HttpContext);
        return Ok(new { token = tokens.RequestToken, headerName = tokens.HeaderName });
    }
}
