using System.Net.Mail;
using System.Security.Cryptography;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Programmers.Reference;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Programmers.Selection;

/// <summary>What an applicant types and attaches on the portal's form (000 Pasal 16(3) huruf a).</summary>
public sealed class ApplicationInput
{
    public string? RoleCode { get; set; }
    public string? FullName { get; set; }
    public string? Nik { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? HomePd { get; set; }
    public string? CurrentUnit { get; set; }
    public int? YearsExperience { get; set; }
    public bool NonAsn { get; set; }
}

public sealed record UploadedDocument(string Kind, string FileName, Stream Content, long Length);

public sealed record ApplyResult(string? Token, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Token is not null;
}

/// <summary>
/// Filing an application: everything is checked first — the role, who the applicant is, non-ASN, the years of
/// experience the role needs (Pasal 18 huruf b), every document by its bytes, one application per role and period —
/// and only a whole, valid application is written (its row, its documents and the audit entry together).
/// </summary>
public sealed class ApplicationService(
    TenantSession session, TenantRegistry registry, ReferenceDirectory reference, ApplicantDocuments documents,
    AuditLog audit, TimeProvider clock, IStringLocalizer<Strings> T)
{
    /// <summary>The selection period: the calendar year (WIB) in which the application is filed.</summary>
    public string CurrentPeriod => WibTime.ToWib(clock.GetUtcNow()).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<TenantRecord> HomePds => registry.All.Where(t => !t.IsDefault).OrderBy(t => t.DisplayName).ToList();

    public async Task<ApplyResult> ApplyAsync(ApplicationInput input, IReadOnlyList<UploadedDocument> uploads)
    {
        var errors = new Dictionary<string, string>();
        var role = await reference.RoleAsync(input.RoleCode);
        if (role is null) errors["RoleCode"] = T["Pilih peran yang dilamar."];
        var name = (input.FullName ?? "").Trim();
        if (name.Length is < 3 or > 120) errors["FullName"] = T["Tulis nama lengkap (3–120 karakter)."];
        var nik = (input.Nik ?? "").Trim();
        if (nik.Length != 16 || !nik.All(char.IsAsciiDigit)) errors["Nik"] = T["NIK terdiri atas 16 angka."];
        var email = (input.Email ?? "").Trim();
        if (email.Length > 200 || !MailAddress.TryCreate(email, out _)) errors["Email"] = T["Alamat e-mail tidak valid."];
        var phone = (input.Phone ?? "").Trim();
        if (phone.Length is < 8 or > 20 || !phone.TrimStart('+').All(c => char.IsAsciiDigit(c) || c is ' ' or '-')) errors["Phone"] = T["Nomor telepon tidak valid."];
        var address = (input.Address ?? "").Trim();
        if (address.Length is < 5 or > 500) errors["Address"] = T["Tulis alamat tempat tinggal (5–500 karakter)."];
        var home = registry.Find(input.HomePd ?? "");
        if (home is null || home.IsDefault) errors["HomePd"] = T["Pilih perangkat daerah induk Anda."];
        var unit = (input.CurrentUnit ?? "").Trim();
        if (unit.Length is < 2 or > 200) errors["CurrentUnit"] = T["Tulis unit kerja Anda saat ini."];
        // 000 Pasal 18 huruf a: the selection is for non-ASN staff of the city.
        if (!input.NonAsn) errors["NonAsn"] = T["Seleksi Tim Programmer hanya untuk pegawai non-ASN (Pasal 18 huruf a)."];
        // 000 Pasal 18 huruf b: 2 years for junior roles, 4 for senior, fullstack and professional.
        if (input.YearsExperience is not { } years || years is < 0 or > 60) errors["YearsExperience"] = T["Isi lama pengalaman kerja TIK dalam tahun."];
        else if (role is not null && years < role.MinYears)
            errors["YearsExperience"] = T["Peran {0} mensyaratkan pengalaman kerja TIK sekurang-kurangnya {1} tahun (Pasal 18 huruf b); Anda mengisi {2} tahun.", role.Name, role.MinYears, years];

        var checkedDocuments = new List<ApplicantDocuments.Checked>();
        foreach (var kind in DocumentKinds.All)
        {
            var upload = uploads.FirstOrDefault(u => u.Kind == kind);
            var required = kind != DocumentKinds.Certificate || role?.CertificateRequired == true;
            if (upload is null || upload.Length == 0)
            {
                if (required) errors[kind] = kind == DocumentKinds.Certificate
                    ? T["Peran {0} mensyaratkan sertifikat keahlian (Pasal 19): {1}.", role!.Name, string.Join(", ", role.Certificates)]
                    : T["Lampirkan {0}.", T[DocumentKinds.Label(kind)].Value];
                continue;
            }
            var (document, error) = await documents.CheckAsync(kind, upload.FileName, upload.Content, upload.Length);
            if (error is not null) errors[kind] = error;
            else checkedDocuments.Add(document!);
        }
        if (errors.Count > 0) return new ApplyResult(null, errors);

        var period = CurrentPeriod;
        var id = Guid.NewGuid().ToString("N")[..20];
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var transaction = await session.BeginTransactionAsync();
        try
        {
            await session.ExecuteAsync("""
                INSERT INTO prog_applications (id, token, role_code, period, full_name, nik, email, phone, address, home_pd, current_unit,
                    years_experience, non_asn, state, submitted_utc)
                VALUES (@id, @token, @role, @period, @name, @nik, @email, @phone, @address, @home, @unit, @years, TRUE, @state, @now)
                """, new { id, token, role = role!.Code, period, name, nik, email, phone, address, home = home!.Name, unit, years = input.YearsExperience, state = SelectionStates.Submitted, now = UnixTime.Ms(clock.GetUtcNow()) });
        }
        catch (Exception exception) when (SqlDialect.IsUniqueViolation(exception))
        {
            return new ApplyResult(null, new Dictionary<string, string>
            {
                ["RoleCode"] = T["Anda sudah melamar peran {0} pada periode {1}; satu lamaran untuk satu peran dalam satu periode.", role!.Name, period],
            });
        }
        foreach (var document in checkedDocuments)
            await session.ExecuteAsync("""
                INSERT INTO prog_documents (application_id, kind, file_name, content_type, size, sha256) VALUES (@id, @Kind, @FileName, @ContentType, @size, @Sha256)
                """, new { id, document.Kind, document.FileName, document.ContentType, size = document.Bytes.LongLength, document.Sha256 });
        await audit.RecordAsync("programmers.application.submitted", "lamaran:" + id, $"{role.Name}, {period}", userName: "pelamar");
        try
        {
            await documents.WriteAsync(id, checkedDocuments);
            await transaction.CommitAsync();
        }
        catch
        {
            documents.Delete(id);
            throw;
        }
        return new ApplyResult(token, new Dictionary<string, string>());
    }
}
