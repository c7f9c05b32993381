using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OrchardSpbe.Data;

/// <summary>
/// Whether a failure means the database could not be reached or was going away (a restart, a network cut, a locked
/// SQLite file) rather than a defect: the request then answers 503 with Retry-After, not 500.
/// </summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    // 08: connection exceptions; 57P: operator intervention (admin shutdown, crash shutdown, cannot connect now).
                    if (postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)) return true;
                    break;
                case NpgsqlException npgsql when npgsql.IsTransient:
                case SocketException:
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                    return true;
            }
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Is)) return true;
        }
        return false;
    }
}
