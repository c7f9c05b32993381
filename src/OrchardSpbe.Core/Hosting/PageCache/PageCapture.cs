using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace OrchardSpbe.Hosting.PageCache;

/// <summary>
/// The response body of a page being rendered for the cache: everything written goes to the client as before, and a
/// copy is kept until it grows beyond the largest page the cache keeps.
/// </summary>
public sealed class PageCapture(IHttpResponseBodyFeature inner, int maxBytes) : Stream, IHttpResponseBodyFeature
{
    private MemoryStream? _copy = new();
    private PipeWriter? _writer;

    /// <summary>The whole body as written, or null when it was too large or sent as a file.</summary>
    public byte[]? Captured => _copy?.ToArray();

    Stream IHttpResponseBodyFeature.Stream => this;

    public PipeWriter Writer => _writer ??= PipeWriter.Create(this, new StreamPipeWriterOptions(leaveOpen: true));

    public void DisableBuffering() => inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public async Task CompleteAsync()
    {
        await FlushWriterAsync();
        await inner.CompleteAsync();
    }

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        _copy = null;
        return inner.SendFileAsync(path, offset, count, cancellationToken);
    }

    /// <summary>Pushes what was written through <see cref="Writer"/> into the body.</summary>
    public async Task FlushWriterAsync()
    {
        if (_writer is not null) await _writer.FlushAsync();
    }

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        if (_copy is null) return;
        if (_copy.Length + bytes.Length > maxBytes) _copy = null;
        else _copy.Write(bytes);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Keep(buffer);
        inner.Stream.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        return inner.Stream.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => inner.Stream.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.Stream.FlushAsync(cancellationToken);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
