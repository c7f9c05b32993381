using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Statistics.Indicators;
using OrchardSpbe.Statistics.Observations;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Statistics.Import;

/// <summary>
/// Imports run beside the request that started them, in two steps the officer sees: the whole file is checked
/// (nothing written), then — when it is fully valid and the officer confirms — written in one transaction. Both steps
/// stream the file (bounded memory), report progress and can be cancelled; a cancelled or failed write leaves nothing.
/// </summary>
public sealed class ImportJobs(TenantScopeFactory scopes, AppDataFolder appData, TimeProvider clock, ILogger<ImportJobs> logger,
    IStringLocalizer<Strings> T)
{
    public const int ShownErrors = 200;
    private readonly ConcurrentDictionary<string, ImportProgress> _jobs = new();

    public async Task<string> StartAsync(TenantShell shell, IndicatorRow indicator, IFormFile file, ImportOptions options, string userName)
    {
        await using var content = file.OpenReadStream();
        var progress = await CreateAsync(shell, indicator, content, file.FileName, options, userName);
        _ = Task.Run(() => RunAsync(shell, progress, userName, write: false));
        return progress.Id;
    }

    /// <summary>
    /// The API's import in one call, by the same two steps: the whole file checked, then — only when it is fully valid —
    /// written in one transaction. Returns when it has ended: done, invalid with its errors, cancelled or failed.
    /// </summary>
    public async Task<ImportProgress> ImportNowAsync(TenantShell shell, IndicatorRow indicator, Stream content, string fileName, ImportOptions options,
        string userName, CancellationToken cancellationToken)
    {
        var progress = await CreateAsync(shell, indicator, content, fileName, options, userName, cancellationToken);
        // The client going away cancels whichever step runs (a cancelled write leaves nothing).
        await using (cancellationToken.Register(() => progress.Cancellation.Cancel()))
        {
            await RunAsync(shell, progress, userName, write: false);
            if (!cancellationToken.IsCancellationRequested && BeginWrite(progress)) await RunAsync(shell, progress, userName, write: true);
        }
        return progress;
    }

    /// <summary>Keeps the upload beside the tenant's files and records the import; nothing is checked yet.</summary>
    private async Task<ImportProgress> CreateAsync(TenantShell shell, IndicatorRow indicator, Stream content, string fileName, ImportOptions options,
        string userName, CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid().ToString("N")[..20];
        var folder = Path.Combine(appData.TenantFolder(shell.Name), "imports");
        Directory.CreateDirectory(folder);
        fileName = Path.GetFileName(fileName);
        var path = Path.Combine(folder, id + (ImportFileReader.IsXlsx(fileName) ? ".xlsx" : ".csv"));
        try
        {
            await using var target = File.Create(path);
            await content.CopyToAsync(target, cancellationToken);
        }
        catch
        {
            File.Delete(path); // a body cut short or over the limit leaves no file behind
            throw;
        }
        Prune();
        var progress = new ImportProgress { Id = id, IndicatorId = indicator.ContentItemId, FileName = fileName, State = ImportStates.Checking, Path = path, Options = options };
        _jobs[Key(shell.Name, id)] = progress;
        await using (var scope = scopes.CreateScope(shell))
            await scope.ServiceProvider.GetRequiredService<TenantSession>().ExecuteAsync("""
                INSERT INTO stat_imports (id, indicator_id, file_name, state, rows_read, created_by, created_utc)
                VALUES (@id, @indicatorId, @fileName, @state, 0, @userName, @now)
                """, new { id, indicatorId = indicator.ContentItemId, fileName, state = progress.State, userName, now = UnixTime.Ms(clock.GetUtcNow()) });
        return progress;
    }

    /// <summary>Starts writing a checked, fully valid file; false when it is not in that state.</summary>
    public bool Confirm(TenantShell shell, string id, string userName)
    {
        if (!_jobs.TryGetValue(Key(shell.Name, id), out var progress) || !BeginWrite(progress)) return false;
        _ = Task.Run(() => RunAsync(shell, progress, userName, write: true));
        return true;
    }

    private static bool BeginWrite(ImportProgress progress)
    {
        lock (progress)
        {
            if (progress.State != ImportStates.Valid) return false;
            progress.State = ImportStates.Writing;
            progress.Fraction = 0;
            progress.Cancellation = new CancellationTokenSource();
        }
        return true;
    }

    public bool Cancel(TenantShell shell, string id)
    {
        if (!_jobs.TryGetValue(Key(shell.Name, id), out var progress)) return false;
        lock (progress)
        {
            if (progress.State is not (ImportStates.Checking or ImportStates.Writing or ImportStates.Valid)) return false;
            progress.Cancellation.Cancel();
            if (progress.State == ImportStates.Valid) Finish(progress, ImportStates.Cancelled);
        }
        return true;
    }

    /// <summary>The job as this node knows it; from another node, what the database says (state, not progress).</summary>
    public async Task<ImportProgress?> FindAsync(TenantShell shell, TenantSession session, string id)
    {
        if (_jobs.TryGetValue(Key(shell.Name, id), out var progress)) return progress;
        var row = await session.QuerySingleOrDefaultAsync<(string Id, string IndicatorId, string FileName, string State, long Rows, string? Errors)>(
            "SELECT id, indicator_id, file_name, state, rows_read, errors FROM stat_imports WHERE id = @id", new { id });
        if (row.Id is null) return null;
        return new ImportProgress
        {
            Id = row.Id, IndicatorId = row.IndicatorId, FileName = row.FileName, State = row.State, Rows = row.Rows, Fraction = 1,
            Errors = row.Errors is null ? [] : JsonSerializer.Deserialize<List<ImportError>>(row.Errors) ?? [],
        };
    }

    private async Task RunAsync(TenantShell shell, ImportProgress progress, string userName, bool write)
    {
        var token = progress.Cancellation.Token;
        try
        {
            await using var scope = scopes.CreateScope(shell);
            var services = scope.ServiceProvider;
            var indicator = await services.GetRequiredService<IndicatorDirectory>().FindAsync(progress.IndicatorId)
                            ?? throw new ImportFileException(new ImportError(0, null, T["Indikator tidak ditemukan."]));
            var validator = new ImportValidator(indicator, progress.Options, clock.GetUtcNow(), T);
            var reader = new ImportFileReader(T);
            var errors = new ErrorSink(progress);
            progress.Rows = 0;
            IEnumerable<ObservationInput> Valid()
            {
                foreach (var row in reader.Read(progress.Path, progress.FileName, f => progress.Fraction = f))
                {
                    token.ThrowIfCancellationRequested();
                    progress.Rows++;
                    if (validator.Check(row, errors) is { } value)
                    {
                        progress.Track(value.Period, value.Area);
                        yield return value;
                    }
                    else if (write) throw new ImportFileException(errors.Last); // the file changed since it was checked
                }
            }

            if (!write)
            {
                foreach (var _ in Valid()) { }
                var state = errors.Count > 0 ? ImportStates.Invalid : progress.Rows == 0 ? ImportStates.Invalid : ImportStates.Valid;
                if (progress.Rows == 0 && errors.Count == 0) errors.Add(new ImportError(0, null, T["Berkas tidak berisi baris data."]));
                await SaveAsync(services, progress, state);
                lock (progress)
                    if (progress.State == ImportStates.Checking)
                    {
                        if (state == ImportStates.Invalid) Finish(progress, state);
                        else progress.State = state;
                    }
                return;
            }

            progress.Changed = await services.GetRequiredService<ObservationStore>()
                .WriteAsync(progress.IndicatorId, Valid(), userName, "impor: " + progress.FileName, token);
            await SaveAsync(services, progress, ImportStates.Done);
            lock (progress) Finish(progress, ImportStates.Done);
        }
        catch (OperationCanceledException)
        {
            lock (progress) Finish(progress, ImportStates.Cancelled);
            await SaveQuietlyAsync(shell, progress);
        }
        catch (ImportFileException exception)
        {
            progress.Errors.Add(exception.Error);
            progress.ErrorCount++;
            lock (progress) Finish(progress, ImportStates.Invalid);
            await SaveQuietlyAsync(shell, progress);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Import {Import} of {Tenant} failed", progress.Id, shell.Name);
            progress.Errors.Add(new ImportError(0, null, T["Impor gagal karena kesalahan sistem; tidak ada yang ditulis. Coba lagi atau hubungi admin."]));
            progress.ErrorCount++;
            lock (progress) Finish(progress, ImportStates.Failed);
            await SaveQuietlyAsync(shell, progress);
        }
    }

    // Finished jobs stay readable here for an hour (then from the database): the map does not grow without end.
    private void Prune()
    {
        var before = clock.GetUtcNow().AddHours(-1);
        foreach (var (key, job) in _jobs)
        {
            if (job.FinishedUtc is { } at && at < before) _jobs.TryRemove(key, out _);
            // Checked but never confirmed for a day: the file goes too.
            else if (job.State == ImportStates.Valid && job.CreatedUtc < before.AddHours(-23) && _jobs.TryRemove(key, out _)) DeleteFile(job);
        }
    }

    private void Finish(ImportProgress progress, string state)
    {
        progress.FinishedUtc = clock.GetUtcNow();
        progress.State = state;
        progress.Fraction = 1;
        DeleteFile(progress);
    }

    private static void DeleteFile(ImportProgress progress)
    {
        try { File.Delete(progress.Path); } catch (IOException) { }
    }

    private async Task SaveQuietlyAsync(TenantShell shell, ImportProgress progress)
    {
        try
        {
            await using var scope = scopes.CreateScope(shell);
            await SaveAsync(scope.ServiceProvider, progress, progress.State);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "The state of import {Import} could not be saved", progress.Id);
        }
    }

    private async Task SaveAsync(IServiceProvider services, ImportProgress progress, string state) =>
        await services.GetRequiredService<TenantSession>().ExecuteAsync("""
            UPDATE stat_imports SET state = @state, rows_read = @rows, rows_total = @rows, errors = @errors, finished_utc = @now WHERE id = @id
            """, new { state, rows = progress.Rows, errors = JsonSerializer.Serialize(progress.Errors), now = UnixTime.Ms(clock.GetUtcNow()), id = progress.Id });

    private static string Key(string tenant, string id) => tenant + "/" + id;

    /// <summary>Keeps the first errors to show and counts them all.</summary>
    private sealed class ErrorSink(ImportProgress progress) : ICollection<ImportError>
    {
        public int Count => progress.ErrorCount;
        public bool IsReadOnly => false;
        public ImportError Last { get; private set; } = new(0, null, "");

        public void Add(ImportError error)
        {
            Last = error;
            progress.ErrorCount++;
            if (progress.Errors.Count < ShownErrors) progress.Errors.Add(error);
        }

        public void Clear() => throw new NotSupportedException();
        public bool Contains(ImportError item) => progress.Errors.Contains(item);
        public void CopyTo(ImportError[] array, int arrayIndex) => progress.Errors.CopyTo(array, arrayIndex);
        public bool Remove(ImportError item) => throw new NotSupportedException();
        public IEnumerator<ImportError> GetEnumerator() => progress.Errors.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

public static class ImportStates
{
    public const string Checking = "memeriksa";
    public const string Valid = "valid";
    public const string Invalid = "tidak-valid";
    public const string Writing = "menulis";
    public const string Done = "selesai";
    public const string Cancelled = "dibatalkan";
    public const string Failed = "gagal";
}

/// <summary>Where an import stands: what the progress bar and the preview show.</summary>
public sealed class ImportProgress
{
    public string Id { get; init; } = "";
    public string IndicatorId { get; init; } = "";
    public string FileName { get; init; } = "";
    public string Path { get; init; } = "";
    public ImportOptions Options { get; init; } = new();
    public volatile string State = ImportStates.Checking;
    public double Fraction { get; set; }
    public DateTimeOffset CreatedUtc { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? FinishedUtc { get; set; }
    public long Rows { get; set; }
    public long Changed { get; set; }
    public int ErrorCount { get; set; }
    public List<ImportError> Errors { get; init; } = [];
    public string? FirstPeriod { get; private set; }
    public string? LastPeriod { get; private set; }
    public HashSet<string> Areas { get; } = [];
    public CancellationTokenSource Cancellation { get; set; } = new();

    public void Track(string period, string area)
    {
        if (FirstPeriod is null || string.CompareOrdinal(period, FirstPeriod) < 0) FirstPeriod = period;
        if (LastPeriod is null || string.CompareOrdinal(period, LastPeriod) > 0) LastPeriod = period;
        Areas.Add(area);
    }
}
