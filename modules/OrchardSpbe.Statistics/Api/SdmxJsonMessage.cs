using OrchardSpbe.Statistics.Public;

namespace OrchardSpbe.Statistics.Api;

/// <summary>
/// An SDMX-JSON 2.0 data message: series keyed by PD, indicator, area and disaggregation (indexes into each
/// dimension's values), observations keyed by the time period, with the observation status as an attribute.
/// </summary>
public static class SdmxJsonMessage
{
    public const string MediaType = "application/vnd.sdmx.data+json";

    public static object Build(IReadOnlyList<PublicObservation> rows, string id, DateTimeOffset prepared, string? next)
    {
        var pds = Index(rows.Select(r => r.Tenant));
        var codes = Index(rows.Select(r => r.Code));
        var areas = Index(rows.Select(r => r.Area));
        var disaggregations = Index(rows.Select(r => r.Disaggregation));
        var periods = Index(rows.Select(r => r.Period).Order(StringComparer.Ordinal));
        var statuses = Index(rows.Select(r => r.Status));
        var series = new Dictionary<string, Dictionary<string, object[]>>();
        foreach (var row in rows)
        {
            var key = $"{pds[row.Tenant]}:{codes[row.Code]}:{areas[row.Area]}:{disaggregations[row.Disaggregation]}";
            if (!series.TryGetValue(key, out var observations)) series[key] = observations = [];
            observations[periods[row.Period].ToString()] = [row.Value, statuses[row.Status]];
        }
        static object Values(Dictionary<string, int> index) => index.OrderBy(p => p.Value).Select(p => new { id = p.Key }).ToList();
        return new
        {
            meta = new
            {
                schema = "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/data-message/tools/schemas/2.0.0/sdmx-json-data-schema.json",
                id, prepared, test = false, contentLanguages = new[] { "id" },
                sender = new { id = "PEMKOT-BEKASI", name = "Pemerintah Kota Bekasi" },
                links = next is null ? [] : new[] { new { rel = "next", href = next } },
            },
            data = new
            {
                structures = new[]
                {
                    new
                    {
                        dimensions = new
                        {
                            series = new object[]
                            {
                                new { id = "PD", name = "Perangkat daerah", keyPosition = 0, values = Values(pds) },
                                new { id = "INDICATOR", name = "Indikator", keyPosition = 1, values = Values(codes) },
                                new { id = "REF_AREA", name = "Wilayah", keyPosition = 2, values = Values(areas) },
                                new { id = "DISAGGREGATION", name = "Disagregasi", keyPosition = 3, values = Values(disaggregations) },
                            },
                            observation = new object[] { new { id = "TIME_PERIOD", name = "Periode", keyPosition = 4, values = Values(periods) } },
                        },
                        attributes = new { observation = new object[] { new { id = "OBS_STATUS", name = "Status", values = Values(statuses) } } },
                    },
                },
                dataSets = new[] { new { structure = 0, action = "Information", series = series.ToDictionary(s => s.Key, s => new { observations = s.Value }) } },
            },
        };
    }

    private static Dictionary<string, int> Index(IEnumerable<string> values)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in values) index.TryAdd(value, index.Count);
        return index;
    }
}
