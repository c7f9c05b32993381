using System.Security.Cryptography;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Datasets.Resources;

/// <summary>A linked file as fetched: where the copy is, its size, SHA-256 and the server's last-modified time.</summary>
public sealed record FetchedLink(long Size, string Sha256, DateTimeOffset LastModifiedUtc);

/// <summary>
/// Fetches a resource link once, when the walidata adds it, so a link has a size, a SHA-256 and a last-modified
/// time like an upload, and a tabular one reaches the DataStore. Through Core's outbound client: no connection to an
/// internal address, redirects included. The copy is capped like an upload and must fit its format by its bytes.
/// </summary>
public sealed class LinkFetcher(IHttpClientFactory clients, TimeProvider clock, IStringLocalizer<Strings> T)
{
    public const string ClientName = "dataset-links";

    /// <summary>Writes the linked file to <paramref name="path"/>; on failure returns why (and leaves no file).</summary>
    public async Task<(FetchedLink? Fetched, string? Error)> FetchAsync(string url, string format, string path, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode) return (null, T["Tautan tidak dapat diambil: server menjawab HTTP {0}.", (int)response.StatusCode]);
            if (response.Content.Headers.ContentLength > ResourceService.MaxUploadBytes) return (null, TooLarge());
            var head = new byte[8192];
            var headLength = 0;
            long size = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var source = await response.Content.ReadAsStreamAsync(cancellationToken))
            await using (var target = File.Create(path))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > ResourceService.MaxUploadBytes) break;
                    if (headLength < head.Length)
                    {
                        var take = Math.Min(read, head.Length - headLength);
                        Array.Copy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            string? refused = size > ResourceService.MaxUploadBytes ? TooLarge()
                : size == 0 ? T["Tautan tidak dapat diambil: berkasnya kosong."]
                : !ResourceFormats.BytesFit(format, head.AsSpan(0, headLength)) ? T["Isi berkas di tautan tidak sesuai dengan format {0}.", format]
                : null;
            if (refused is not null)
            {
                File.Delete(path);
                return (null, refused);
            }
            var modified = response.Content.Headers.LastModified ?? clock.GetUtcNow();
            return (new FetchedLink(size, Convert.ToHexStringLower(hash.GetHashAndReset()), modified), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            if (File.Exists(path)) File.Delete(path);
            return (null, T["Tautan tidak dapat diambil: {0}", exception is TaskCanceledException ? T["waktu habis."] : exception.Message]);
        }
    }

    private string TooLarge() => T["Berkas di tautan lebih besar dari {0} MB.", ResourceService.MaxUploadBytes / 1024 / 1024];
}
