using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using OrchardSpbe.Hosting;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Statistics.Import;
using OrchardSpbe.Statistics.Indicators;
using OrchardSpbe.Statistics.Public;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Statistics.Api;

/// <summary>
/// A data officer's script imports values of one of the PD's indicators with their API token, through the admin's own
/// import (<see cref="ImportJobs"/>): every row checked first, mistakes listed by row, column and reason, and only a
/// fully valid file written, in one transaction. Same permission as the admin's import.
/// </summary>
[ApiController]
[Area("Statistics")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("ManageStatistics")]
[Route("api/statistik/impor")]
[IgnoreAntiforgeryToken] // a cookie's request is checked below, where an unreadable or oversized body gets its own answer
public sealed class StatisticsImportApiController(IndicatorDirectory indicators, ImportJobs jobs, TenantContext tenant, IAntiforgery antiforgery,
    IStringLocalizer<Strings> T) : ControllerBase
{
    public const string FileField = "file";

    [HttpPost("{code}")]
    [ReadsRequestBody]
    [RequestSizeLimit(ImportOptions.MaxFileBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = ImportOptions.MaxFileBytes)]
    [EndpointSummary("Impor nilai satu indikator (CSV atau XLSX)")]
    [EndpointDescription("Kolom: periode, wilayah, disagregasi, nilai, status, catatan. Isi permintaan adalah berkasnya (Content-Type text/csv " +
                         "atau XLSX) atau multipart dengan kolom \"file\"; decimal=koma untuk koma desimal. Seluruh berkas diperiksa dulu; " +
                         "hanya berkas tanpa kesalahan yang ditulis, dalam satu transaksi. Perlu token API (Authorization: Bearer …) " +
                         "pengguna dengan izin ManageStatistics.")]
    [ProducesResponseType<ImportAnswer>(StatusCodes.Status200OK)]
    [ProducesResponseType<ImportAnswer>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    public async Task<IActionResult> Import(string code, [FromQuery(Name = "decimal")] string? separator)
    {
        try
        {
            // Forgery is a cookie's problem: a token's request carries no cookie's authority.
            if (!ApiTokenAuthentication.SignedInByToken(HttpContext)) await antiforgery.ValidateRequestAsync(HttpContext);
            if (await indicators.FindByCodeAsync(code) is not { } indicator) return Problem(statusCode: StatusCodes.Status404NotFound, title: T["Indikator tidak ditemukan."]);
            var (content, fileName, refusal) = await ReadBodyAsync(code);
            if (refusal is not null) return refusal;
            if (Request.HasFormContentType) separator = Request.Form["decimal"].FirstOrDefault() ?? separator;
            var options = new ImportOptions(separator == "koma" ? ',' : '.');
            await using var body = content!;
            var done = await jobs.ImportNowAsync(tenant.Shell, indicator, body, fileName, options, User.Identity!.Name!, HttpContext.RequestAborted);
            return Answer(indicator, done);
        }
        catch (AntiforgeryValidationException)
        {
            return BadRequest();
        }
        catch (Exception exception) when (exception is BadHttpRequestException or InvalidDataException or IOException)
        {
            return Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
                title: T["Berkas terlalu besar atau unggahan terputus (paling besar {0} MB).", ImportOptions.MaxFileBytes / 1024 / 1024]);
        }
    }

    /// <summary>The file: a multipart form's "file", or the body itself as its content type says (CSV or XLSX).</summary>
    private async Task<(Stream? Content, string FileName, IActionResult? Refusal)> ReadBodyAsync(string code)
    {
        if (Request.HasFormContentType)
        {
            var form = await Request.ReadFormAsync(HttpContext.RequestAborted);
            var file = form.Files.GetFile(FileField);
            if (file is null || file.Length == 0) return (null, "", FileProblem(T["Pilih berkas CSV atau XLSX yang berisi data."]));
            if (!ImportFileReader.IsSupported(file.FileName)) return (null, "", FileProblem(T["Hanya berkas .csv atau .xlsx yang dapat diimpor."]));
            return (file.OpenReadStream(), file.FileName, null);
        }
        var type = MediaTypeHeaderValue.TryParse(Request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        return type switch
        {
            "text/csv" or "application/csv" => (Request.Body, code + ".csv", null),
            TableFiles.XlsxType => (Request.Body, code + ".xlsx", null),
            _ => (null, "", Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: T["Kirim berkas CSV (text/csv) atau XLSX sebagai isi permintaan, atau multipart dengan kolom \"file\"."])),
        };
    }

    private IActionResult FileProblem(string message)
    {
        ModelState.AddModelError(FileField, message);
        return ValidationProblem(ModelState);
    }

    private IActionResult Answer(IndicatorRow indicator, ImportProgress done)
    {
        var answer = new ImportAnswer(done.Id, indicator.Code, done.State, "", done.Rows, done.Changed, done.ErrorCount, done.Errors);
        return done.State switch
        {
            ImportStates.Done => Ok(answer with { Message = T["{0} nilai disimpan.", done.Changed] }),
            ImportStates.Invalid => UnprocessableEntity(answer with { Message = T["Berkas memiliki {0} kesalahan; tidak ada yang ditulis.", done.ErrorCount] }),
            ImportStates.Cancelled => Problem(statusCode: StatusCodes.Status400BadRequest, title: T["Impor dibatalkan; tidak ada yang ditulis."]),
            _ => Problem(statusCode: StatusCodes.Status500InternalServerError, title: T["Impor gagal; tidak ada yang ditulis."]),
        };
    }
}

/// <summary>
/// How an import ended: its id (also in the admin's history), the rows read and values changed; for a refused file the
/// number of mistakes and the first <see cref="ImportJobs.ShownErrors"/> of them, each with its row (the header is row 1),
/// column and reason.
/// </summary>
public sealed record ImportAnswer(string ImportId, string Indicator, string State, string Message, long Rows, long Changed, int ErrorCount,
    IReadOnlyList<ImportError> Errors);
