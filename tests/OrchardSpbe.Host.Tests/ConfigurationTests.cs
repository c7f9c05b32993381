namespace OrchardSpbe.Host.Tests;

/// <summary>An operator who leaves out a required setting is told which one, before anything is created.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public async Task Choosing_postgresql_without_a_connection_string_stops_the_start_with_the_setting_named()
    {
        var appData = Path.Combine(Path.GetTempPath(), "spbe-tests", "config-" + Guid.NewGuid().ToString("N")[..8]);
        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => OrchardSpbe.Web.SpbeApplication.BuildAsync(
        [
            "--urls=http://127.0.0.1:0", "--environment=Testing", $"--Spbe:AppData={appData}", "--Spbe:Database:Provider=Postgres",
        ]));
        Assert.Contains("Spbe:Database:ConnectionString", error.Message);
        Assert.Contains("wajib diisi", error.Message);
        Assert.False(Directory.Exists(Path.Combine(appData, "Sites")));
    }
}
