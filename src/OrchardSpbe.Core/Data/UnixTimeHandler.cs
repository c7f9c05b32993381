using System.Data;
using Dapper;

namespace OrchardSpbe.Data;

/// <summary>
/// Times are stored as Unix milliseconds in a 64-bit column: the same on SQLite and PostgreSQL,
/// sortable, and free of time-zone conversions.
/// </summary>
public sealed class UnixTimeHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        SqlMapper.AddTypeHandler(new UnixTimeHandler());
    }

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.DbType = DbType.Int64;
        parameter.Value = value.ToUnixTimeMilliseconds();
    }

    public override DateTimeOffset Parse(object value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value));
}
