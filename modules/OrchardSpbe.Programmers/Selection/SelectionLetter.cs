using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace OrchardSpbe.Programmers.Selection;

/// <summary>
/// A letter of the selection (000 Pasal 16): an invitation to a stage, or the result signed by the Ketua Tim with its
/// five carbon copies (16(4)). The same model makes the printable page and the PDF.
/// </summary>
public sealed record SelectionLetter(
    string Kind, string Number, DateTimeOffset Date, string Subject, string Recipient, string RoleName, IReadOnlyList<string> Paragraphs,
    string SignerTitle, string SignerName, IReadOnlyList<string> CarbonCopies)
{
    public const string Invitation = "undangan";
    public const string Result = "hasil";

    /// <summary>000 Pasal 16(4) huruf a–e, in its order; the home PD is the applicant's own.</summary>
    public static IReadOnlyList<string> ResultCarbonCopies(string homePdName) =>
    [
        "Inspektur Kota Bekasi",
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah (BKPPD) Kota Bekasi",
        "Kepala Badan Pengelolaan Keuangan dan Aset Daerah (BPKAD) Kota Bekasi",
        "Kepala " + homePdName,
        "Kepala Bagian Organisasi Sekretariat Daerah Kota Bekasi",
    ];

    private static readonly Lazy<bool> Fonts = new(() =>
    {
        // The fonts shipped inside PDFsharp (no system fonts needed on the server).
        GlobalFontSettings.FontResolver ??= new PdfSharp.Snippets.Font.FailsafeFontResolver();
        return true;
    });

    public byte[] ToPdf()
    {
        _ = Fonts.Value;
        using var document = new PdfDocument();
        document.Info.Title = Subject;
        document.Info.Author = "Tim Programmer Pemerintah Kota Bekasi";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var text = new XTextFormatter(graphics);
            var regular = new XFont("Arial", 11);
            var bold = new XFont("Arial", 12, XFontStyleEx.Bold);
            const double left = 60;
            var width = page.Width.Point - 2 * left;
            var y = 50.0;

            void Block(string value, XFont font, double height)
            {
                text.DrawString(value, font, XBrushes.Black, new XRect(left, y, width, height), XStringFormats.TopLeft);
                y += height;
            }

            Block("PEMERINTAH KOTA BEKASI", bold, 18);
            Block("TIM PROGRAMMER — DINAS KOMUNIKASI, INFORMATIKA, STATISTIK DAN PERSANDIAN", regular, 30);
            Block($"Nomor: {Number}", regular, 16);
            Block($"Tanggal: {OrchardSpbe.Localization.WibTime.Date(Date)}", regular, 16);
            Block($"Perihal: {Subject}", regular, 28);
            Block($"Kepada Yth. {Recipient}", regular, 16);
            Block($"Calon {RoleName}", regular, 28);
            foreach (var paragraph in Paragraphs) Block(paragraph, regular, 16 * (1 + paragraph.Length / 85) + 8);
            y += 10;
            Block(SignerTitle, regular, 48);
            Block(SignerName, bold, 28);
            if (CarbonCopies.Count > 0)
            {
                Block("Tembusan:", regular, 16);
                for (var i = 0; i < CarbonCopies.Count; i++) Block($"{i + 1}. {CarbonCopies[i]}", regular, 16);
            }
        }
        using var buffer = new MemoryStream();
        document.Save(buffer);
        return buffer.ToArray();
    }
}
