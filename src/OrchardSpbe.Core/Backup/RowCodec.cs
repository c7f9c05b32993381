using System.Globalization;

namespace OrchardSpbe.Backup;

/// <summary>
/// A table's rows by value, whatever database they came from: each value a type tag and its bytes. PostgreSQL's
/// typed values and SQLite's dynamic ones meet here, and each restore converts them to the target column's type.
/// The stream ends with an end mark, so a file cut at a row boundary is still told apart from a complete one.
/// </summary>
internal static class RowCodec
{
    private const byte Null = 0, Integer = 1, Real = 2, Text = 3, Blob = 4, Boolean = 5, Numeric = 6, EndOfRows = 0xFF, NextRow = 0xFE;

    private const int MaxBlob = 1 << 30;

    public static void WriteRow(BinaryWriter writer, object?[] values)
    {
        writer.Write(NextRow);
        foreach (var value in values)
        {
            switch (value)
            {
                case null or DBNull: writer.Write(Null); break;
                case long l: writer.Write(Integer); writer.Write(l); break;
                case int i: writer.Write(Integer); writer.Write((long)i); break;
                case short s: writer.Write(Integer); writer.Write((long)s); break;
                case bool b: writer.Write(Boolean); writer.Write(b); break;
                case double d: writer.Write(Real); writer.Write(d); break;
                case float f: writer.Write(Real); writer.Write((double)f); break;
                case decimal m: writer.Write(Numeric); writer.Write(m); break;
                case byte[] bytes: writer.Write(Blob); writer.Write(bytes.Length); writer.Write(bytes); break;
                case string text: writer.Write(Text); writer.Write(text); break;
                case DateTime time: writer.Write(Text); writer.Write(time.ToString("O", CultureInfo.InvariantCulture)); break;
                case DateTimeOffset time: writer.Write(Text); writer.Write(time.ToString("O", CultureInfo.InvariantCulture)); break;
                default: writer.Write(Text); writer.Write(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""); break;
            }
        }
    }

    public static void WriteEnd(BinaryWriter writer) => writer.Write(EndOfRows);

    /// <summary>The rows, each of <paramref name="columns"/> values; throws <see cref="BackupRefusedException"/> on a malformed or cut stream.</summary>
    public static IEnumerable<object?[]> ReadRows(BinaryReader reader, int columns, string table)
    {
        while (true)
        {
            byte mark;
            object?[] row;
            try
            {
                mark = reader.ReadByte();
                if (mark == EndOfRows) yield break;
                if (mark != NextRow) throw new BackupRefusedException($"data tabel {table} rusak");
                row = new object?[columns];
                for (var i = 0; i < columns; i++) row[i] = ReadValue(reader, table);
            }
            catch (EndOfStreamException)
            {
                throw new BackupRefusedException($"data tabel {table} terpotong");
            }
            catch (InvalidDataException)
            {
                throw new BackupRefusedException($"data tabel {table} rusak (kompresi tidak sah)");
            }
            yield return row;
        }
    }

    private static object? ReadValue(BinaryReader reader, string table) => reader.ReadByte() switch
    {
        Null => null,
        Integer => reader.ReadInt64(),
        Real => reader.ReadDouble(),
        Text => reader.ReadString(),
        Blob => reader.ReadInt32() is var length and >= 0 and <= MaxBlob ? reader.ReadBytes(length) : throw new BackupRefusedException($"data tabel {table} rusak (panjang nilai tidak sah)"),
        Boolean => reader.ReadBoolean(),
        Numeric => reader.ReadDecimal(),
        _ => throw new BackupRefusedException($"data tabel {table} rusak (jenis nilai tidak dikenal)"),
    };
}
