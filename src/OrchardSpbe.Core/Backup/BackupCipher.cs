using System.Buffers.Binary;
using System.Security.Cryptography;

namespace OrchardSpbe.Backup;

/// <summary>
/// AES-256-GCM over a stream in 1 MiB chunks, each with its own nonce and tag. The chunk's number and whether it is
/// the last are authenticated with it, so a reordered, cut or edited file fails to decrypt rather than restoring
/// something else. The key comes from configuration (Spbe:Backup:EncryptionKey, base64 of 32 bytes).
/// </summary>
public sealed class BackupCipher
{
    public const string Algorithm = "AES-256-GCM";
    internal const int ChunkSize = 1 << 20;
    private readonly byte[] _key;

    private BackupCipher(byte[] key)
    {
        _key = key;
        KeyId = Convert.ToHexString(SHA256.HashData(key))[..16].ToLowerInvariant();
    }

    public string KeyId { get; }

    /// <summary>The configured cipher, or null when backups are not encrypted. Throws <see cref="BackupRefusedException"/> for a malformed key.</summary>
    public static BackupCipher? FromConfiguration(string? base64Key)
    {
        if (string.IsNullOrWhiteSpace(base64Key)) return null;
        byte[] key;
        try { key = Convert.FromBase64String(base64Key.Trim()); }
        catch (FormatException) { key = []; }
        if (key.Length != 32)
            throw new BackupRefusedException("Spbe:Backup:EncryptionKey harus base64 dari 32 byte (mis. keluaran `openssl rand -base64 32`).");
        return new BackupCipher(key);
    }

    public Stream Encrypt(Stream inner) => new EncryptingStream(inner, _key);
    public Stream Decrypt(Stream inner) => new DecryptingStream(inner, _key);

    private static byte[] Associated(long index, bool last)
    {
        var data = new byte[9];
        BinaryPrimitives.WriteInt64BigEndian(data, index);
        data[8] = last ? (byte)1 : (byte)0;
        return data;
    }

    // Chunk: [1-byte last flag][4-byte length][12-byte nonce][16-byte tag][ciphertext]. The last chunk may be empty;
    // a file that ends before a chunk flagged last was cut.
    private const int HeaderSize = 33;

    private sealed class EncryptingStream(Stream inner, byte[] key) : Stream
    {
        private readonly AesGcm _aes = new(key, 16);
        private readonly byte[] _buffer = new byte[ChunkSize];
        private int _filled;
        private long _index;
        private bool _closed;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> data)
        {
            while (data.Length > 0)
            {
                if (_filled == ChunkSize) WriteChunk(last: false);
                var take = Math.Min(ChunkSize - _filled, data.Length);
                data[..take].CopyTo(_buffer.AsSpan(_filled));
                _filled += take;
                data = data[take..];
            }
        }

        private void WriteChunk(bool last)
        {
            var header = new byte[HeaderSize];
            header[0] = last ? (byte)1 : (byte)0;
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(1), _filled);
            RandomNumberGenerator.Fill(header.AsSpan(5, 12));
            var cipher = new byte[_filled];
            _aes.Encrypt(header.AsSpan(5, 12), _buffer.AsSpan(0, _filled), cipher, header.AsSpan(17, 16), Associated(_index++, last));
            inner.Write(header);
            inner.Write(cipher);
            _filled = 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_closed)
            {
                _closed = true;
                WriteChunk(last: true);
                _aes.Dispose();
                inner.Dispose();
            }
            base.Dispose(disposing);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private sealed class DecryptingStream(Stream inner, byte[] key) : Stream
    {
        private readonly AesGcm _aes = new(key, 16);
        private byte[] _plain = [];
        private int _position;
        private long _index;
        private bool _ended;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> destination)
        {
            while (_position == _plain.Length)
            {
                if (_ended) return 0;
                NextChunk();
            }
            var take = Math.Min(destination.Length, _plain.Length - _position);
            _plain.AsSpan(_position, take).CopyTo(destination);
            _position += take;
            return take;
        }

        private void NextChunk()
        {
            var header = new byte[HeaderSize];
            if (inner.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) < HeaderSize)
                throw new BackupRefusedException("berkas terpotong (bagian terenkripsi tidak lengkap)");
            var last = header[0] == 1;
            var length = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1));
            if (header[0] > 1 || length is < 0 or > ChunkSize) throw new BackupRefusedException("berkas rusak (kepala bagian terenkripsi tidak sah)");
            var cipher = new byte[length];
            if (inner.ReadAtLeast(cipher, length, throwOnEndOfStream: false) < length)
                throw new BackupRefusedException("berkas terpotong (bagian terenkripsi tidak lengkap)");
            _plain = new byte[length];
            try
            {
                _aes.Decrypt(header.AsSpan(5, 12), cipher, header.AsSpan(17, 16), _plain, Associated(_index++, last));
            }
            catch (AuthenticationTagMismatchException)
            {
                throw new BackupRefusedException("berkas terenkripsi tidak dapat dibuka: isinya diubah atau dipotong");
            }
            _position = 0;
            _ended = last;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) { _aes.Dispose(); inner.Dispose(); }
            base.Dispose(disposing);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
