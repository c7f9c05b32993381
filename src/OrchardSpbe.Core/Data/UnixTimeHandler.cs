using System.Data;
using Dapper;

namespace OrchardSpbe.Data;

/// <summary>
/// Times are stored as Unix milliseconds in a 64-bit column: the same on SQLite and PostgreSQL,
/// sortable, and free of time-zone conversions. This handler reads them back into DateTimeOffset;
/// Dapper does not consult handlers when it binds DateTimeOffset parameters, so writers pass
/// <see cref="UnixTime.Ms(DateTimeOffset)"/> values.
/// </summary>
public sealed class UnixTimeHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.DbType = DbType.Int64;
        parameter.Value = value.ToUnixTimeMilliseconds();
    }

    public override DateTimeOffset Parse(object value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value));
}

public static class UnixTime
{
    public static long Ms(DateTimeOffset value) => value.ToUnixTimeMilliseconds();
    public static long? Ms(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();
    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    public static DateTimeOffset FromMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
