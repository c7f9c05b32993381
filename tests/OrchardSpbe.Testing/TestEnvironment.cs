namespace OrchardSpbe.Testing;

/// <summary>Where the real servers the tests use are (started by .ci/services); override with variables.</summary>
public static class TestEnvironment
{
    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("SPBE_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=spbe;Password=spbe;Database=spbe_test;Maximum Pool Size=40;Timeout=15";

    public static string RedisConfiguration =>
        Environment.GetEnvironmentVariable("SPBE_TEST_REDIS") ?? "127.0.0.1:6379";

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("SPBE_TEST_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Debian's Python, which has python3-aiosmtpd (a pyenv or venv python3 on PATH would not).</summary>
    public static string PythonPath =>
        Environment.GetEnvironmentVariable("SPBE_TEST_PYTHON") ?? "/usr/bin/python3";

    /// <summary>A password that satisfies the policy, used for every administrator the tests create.</summary>
    public const string AdminPassword = "Rahasia-Uji-2026";
}
