using System.Globalization;
using System.Text.Json;
using OrchardSpbe.Text;
using OrchardSpbe.Reference;

namespace OrchardSpbe.Statistics.Public;

/// <summary>
/// An indicator's values as a download in open formats (001 Pasal 16): CSV, XLSX, JSON and XML, with the same
/// columns — PD, indicator, period, area code and name, disaggregation, value, status, unit.
/// </summary>
public static class StatisticsFiles
{
    public static readonly IReadOnlyDictionary<string, string> Formats = new Dictionary<string, string>
    {
        ["csv"] = "text/csv; charset=utf-8",
        ["xlsx"] = TableFiles.XlsxType,
        ["json"] = "application/json; charset=utf-8",
        ["xml"] = "application/xml; charset=utf-8",
    };

    public static readonly IReadOnlyList<string> Columns = ["pd", "kode_indikator", "periode", "kode_wilayah", "nama_wilayah", "disagregasi", "nilai", "status", "satuan"];

    public static (byte[] Content, string Type) Write(string format, PublicIndicator indicator, IReadOnlyList<PublicObservation> rows, string pdName)
    {
        var table = rows.Select(o => new object?[] { o.Tenant, o.Code, o.Period, o.Area, AreaCodes.NameOf(o.Area), o.Disaggregation, o.Value, o.Status, indicator.Unit });
        return format switch
        {
            "csv" => (TableFiles.Csv(Columns, table), Formats[format]),
            "xlsx" => (TableFiles.Xlsx(Columns, table), Formats[format]),
            "json" => (Json(indicator, rows, pdName), Formats[format]),
            _ => (Xml(indicator, rows, pdName), Formats[format]),
        };
    }

    private static byte[] Json(PublicIndicator indicator, IReadOnlyList<PublicObservation> rows, string pdName) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            indikator = new { pd = indicator.Tenant, namaPd = pdName, kode = indicator.Code, nama = indicator.Title, satuan = indicator.Unit, periodisitas = indicator.PeriodicityCode, metadata = indicator.Metadata },
            data = rows.Select(o => new { periode = o.Period, kodeWilayah = o.Area, namaWilayah = AreaCodes.NameOf(o.Area), disagregasi = o.Disaggregation, nilai = o.Value, status = o.Status }),
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

    private static byte[] Xml(PublicIndicator indicator, IReadOnlyList<PublicObservation> rows, string pdName)
    {
        using var buffer = new MemoryStream();
        // Core's safe writer drops what XML cannot carry from free text (a control character in a title).
        using (var xml = SafeXmlWriter.Create(buffer))
        {
            xml.WriteStartElement("statistik");
            xml.WriteStartElement("indikator");
            xml.WriteAttributeString("pd", indicator.Tenant);
            xml.WriteAttributeString("namaPd", pdName);
            xml.WriteAttributeString("kode", indicator.Code);
            xml.WriteAttributeString("nama", indicator.Title);
            xml.WriteAttributeString("satuan", indicator.Unit);
            xml.WriteAttributeString("periodisitas", indicator.PeriodicityCode);
            foreach (var o in rows)
            {
                xml.WriteStartElement("nilai");
                xml.WriteAttributeString("periode", o.Period);
                xml.WriteAttributeString("kodeWilayah", o.Area);
                xml.WriteAttributeString("namaWilayah", AreaCodes.NameOf(o.Area));
                if (o.Disaggregation.Length > 0) xml.WriteAttributeString("disagregasi", o.Disaggregation);
                xml.WriteAttributeString("status", o.Status);
                xml.WriteString(o.Value.ToString("R", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }
}
