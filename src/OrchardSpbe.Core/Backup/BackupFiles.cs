using System.IO.Compression;

namespace OrchardSpbe.Backup;

/// <summary>How a backup's files are written and read: compressed (tables), encrypted when a key is set, hashed both ways.</summary>
internal static class BackupFiles
{
    /// <summary>Opens <paramref name="path"/> for writing content; the file's entry is complete once the returned writer is disposed.</summary>
    public static PendingFile Create(string folder, string relativePath, BackupCipher? cipher, bool compress)
    {
        var path = Path.Combine(folder, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stored = new HashingStream(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
        Stream sink = cipher?.Encrypt(stored) ?? stored;
        if (compress) sink = new GZipStream(sink, CompressionLevel.Fastest);
        return new PendingFile(relativePath, stored, new HashingStream(sink));
    }

    /// <summary>Opens a stored file for reading its original content (decrypted, decompressed), hashing it as it goes.</summary>
    public static HashingStream OpenContent(string folder, BackupFile file, BackupCipher? cipher, bool compressed)
    {
        Stream source = new FileStream(ResolveInside(folder, file.Path), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (cipher is not null) source = cipher.Decrypt(source);
        if (compressed) source = new GZipStream(source, CompressionMode.Decompress);
        return new HashingStream(source);
    }

    /// <summary>A path from a manifest, only ever inside the backup's folder.</summary>
    public static string ResolveInside(string folder, string relativePath)
    {
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        return full.StartsWith(root, StringComparison.Ordinal) ? full : throw new BackupRefusedException($"nama berkas '{relativePath}' keluar dari folder cadangan");
    }

    internal sealed class PendingFile(string relativePath, HashingStream stored, HashingStream content) : IDisposable
    {
        public Stream Content => content;

        public BackupFile Complete(string? target = null)
        {
            content.Dispose();
            return new BackupFile(relativePath, stored.Count, stored.Digest!, content.Digest!, target);
        }

        public void Dispose() => content.Dispose();
    }
}
