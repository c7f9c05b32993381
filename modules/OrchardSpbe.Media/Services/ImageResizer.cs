using System.Globalization;
using SkiaSharp;

namespace OrchardSpbe.Media.Services;

/// <summary>
/// Image sizes and resized copies, with SkiaSharp. A resized copy is made once per width and kept on disk
/// beside the original; widths are snapped to a few steps so a visitor cannot fill the disk with sizes.
/// </summary>
public sealed class ImageResizer
{
    public static readonly IReadOnlyList<int> Widths = [160, 320, 640, 960, 1280, 1920];

    /// <summary>Larger images are refused before decoding: 50 megapixels already take 200 MB as pixels.</summary>
    public const long MaxPixels = 50_000_000;

    // Resizing is CPU-bound; two at a time leaves the rest of the machine serving pages.
    private readonly SemaphoreSlim _gate = new(2);

    /// <summary>The allowed width nearest to the requested one; a value that is not a number gets the smallest.</summary>
    public static int Snap(string? requested)
    {
        if (!long.TryParse(requested, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return Widths[0];
        return Widths.MinBy(w => Math.Abs(w - value));
    }

    /// <summary>
    /// Decodes the whole image (a damaged file fails here) and returns its size as displayed, or why not. Under the
    /// same gate as resizing: a decode may take 200 MB, so concurrent uploads must not each take that at once.
    /// </summary>
    public async Task<ImageCheck> CheckAsync(string path, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return Check(path);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static ImageCheck Check(string path)
    {
        using var codec = SKCodec.Create(path);
        if (codec is null) return ImageCheck.Undecodable;
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0) return ImageCheck.Undecodable;
        if ((long)info.Width * info.Height > MaxPixels) return ImageCheck.TooManyPixels;
        using var bitmap = new SKBitmap(new SKImageInfo(info.Width, info.Height));
        if (codec.GetPixels(bitmap.Info, bitmap.GetPixels()) != SKCodecResult.Success) return ImageCheck.Undecodable;
        return SwapsAxes(codec.EncodedOrigin) ? new ImageCheck(info.Height, info.Width, null) : new ImageCheck(info.Width, info.Height, null);
    }

    /// <summary>The copy of <paramref name="original"/> at <paramref name="width"/> pixels wide, made now if it is not on disk yet.</summary>
    public async Task<string> ResizedAsync(string original, string contentType, int width, CancellationToken cancellationToken)
    {
        var (format, extension, quality) = OutputOf(contentType);
        var cached = MediaFolders.CachedFile(original, width, extension);
        if (File.Exists(cached)) return cached;

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(cached)) return cached;
            using var source = DecodeUpright(original);
            var height = Math.Max(1, (int)Math.Round(source.Height * (double)width / source.Width));
            using var resized = source.Resize(new SKImageInfo(width, height, source.ColorType, source.AlphaType),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            using var data = resized.Encode(format, quality);
            Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
            // Written aside and renamed, so a concurrent request never serves half a file.
            var temporary = cached + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await using (var file = File.Create(temporary)) data.SaveTo(file);
            File.Move(temporary, cached, overwrite: true);
            return cached;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>JPEG stays JPEG, WebP stays WebP; PNG and GIF (its first frame) become PNG, keeping transparency.</summary>
    public static (SKEncodedImageFormat Format, string Extension, string ContentType, int Quality) Output(string contentType) => contentType switch
    {
        "image/jpeg" => (SKEncodedImageFormat.Jpeg, "jpg", "image/jpeg", 82),
        "image/webp" => (SKEncodedImageFormat.Webp, "webp", "image/webp", 80),
        _ => (SKEncodedImageFormat.Png, "png", "image/png", 100),
    };

    private static (SKEncodedImageFormat Format, string Extension, int Quality) OutputOf(string contentType)
    {
        var (format, extension, _, quality) = Output(contentType);
        return (format, extension, quality);
    }

    private static bool SwapsAxes(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>Decodes and applies the EXIF orientation, which the resized copy (without EXIF) would otherwise lose.</summary>
    private static SKBitmap DecodeUpright(string path)
    {
        using var codec = SKCodec.Create(path) ?? throw new InvalidDataException("Not an image: " + path);
        var decoded = SKBitmap.Decode(codec);
        var origin = codec.EncodedOrigin;
        if (origin == SKEncodedOrigin.TopLeft) return decoded;

        using (decoded)
        {
            var (w, h) = SwapsAxes(origin) ? (decoded.Height, decoded.Width) : (decoded.Width, decoded.Height);
            var upright = new SKBitmap(new SKImageInfo(w, h, decoded.ColorType, decoded.AlphaType));
            using var canvas = new SKCanvas(upright);
            switch (origin)
            {
                case SKEncodedOrigin.TopRight: canvas.Translate(w, 0); canvas.Scale(-1, 1); break;
                case SKEncodedOrigin.BottomRight: canvas.Translate(w, h); canvas.RotateDegrees(180); break;
                case SKEncodedOrigin.BottomLeft: canvas.Translate(0, h); canvas.Scale(1, -1); break;
                case SKEncodedOrigin.LeftTop: canvas.RotateDegrees(90); canvas.Scale(1, -1); break;
                case SKEncodedOrigin.RightTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); break;
                case SKEncodedOrigin.RightBottom: canvas.Translate(w, h); canvas.RotateDegrees(270); canvas.Scale(1, -1); break;
                case SKEncodedOrigin.LeftBottom: canvas.Translate(0, h); canvas.RotateDegrees(270); break;
            }
            canvas.DrawBitmap(decoded, 0, 0);
            return upright;
        }
    }
}

/// <summary>An image's displayed size, or the reason it was refused.</summary>
public sealed record ImageCheck(int Width, int Height, string? Problem)
{
    public static readonly ImageCheck Undecodable = new(0, 0, "undecodable");
    public static readonly ImageCheck TooManyPixels = new(0, 0, "too-many-pixels");
}
