using OrchardSpbe.Security;

namespace OrchardSpbe.Programmers;

public static class Permissions
{
    /// <summary>The selection team (000 Pasal 16(1): Diskominfostandi, BKPPD, assigned programmers) works the stages.</summary>
    public static readonly Permission ManageSelection = new("ManageProgrammerSelection", "Kelola seleksi Tim Programmer", Manifest.FeatureId)
    {
        DefaultRoles = [StandardRoles.Administrator, ProgrammerRoles.SelectionTeam],
    };

    /// <summary>NIK, phone, address and documents of applicants and members (UU PDP; 001 Pasal 22): every look is audited.</summary>
    public static readonly Permission ViewPersonalData = new("ViewProgrammerPersonalData", "Lihat data pribadi pelamar dan anggota Tim Programmer", Manifest.FeatureId)
    {
        DefaultRoles = [StandardRoles.Administrator, ProgrammerRoles.SelectionTeam],
    };

    /// <summary>The Ketua and Sekretaris (000 Pasal 9): appointments, terms and the team's reminders.</summary>
    public static readonly Permission ManageTeam = new("ManageProgrammerTeam", "Kelola keanggotaan Tim Programmer", Manifest.FeatureId)
    {
        DefaultRoles = [StandardRoles.Administrator, ProgrammerRoles.TeamChair],
    };

    /// <summary>The reference data: roles, the national ICT occupation list, the SPBE competency areas.</summary>
    public static readonly Permission ViewReference = new("ViewProgrammerReference", "Lihat data acuan Tim Programmer dan okupasi TIK", Manifest.FeatureId)
    {
        DefaultRoles = [StandardRoles.Administrator, ProgrammerRoles.SelectionTeam, ProgrammerRoles.TeamChair, StandardRoles.Reviewer],
    };

    /// <summary>On a PD: the member files monthly, quarterly and end-of-term reports (000 Pasal 20(1)).</summary>
    public static readonly Permission FileReports = new("FileProgrammerReports", "Kirim laporan anggota Tim Programmer", Manifest.FeatureId)
    {
        DefaultRoles = [StandardRoles.Administrator, ProgrammerRoles.Programmer],
    };

    /// <summary>On a PD: the coordinator — the PD head — evaluates the reports of the members placed there (Pasal 4, 20(2)).</summary>
    public static readonly Permission EvaluateReports = new("EvaluateProgrammerReports", "Evaluasi laporan anggota Tim Programmer (koordinator)", Manifest.FeatureId)
    {
        DefaultRoles = [StandardRoles.Administrator, StandardRoles.Reviewer],
    };

    /// <summary>The Pembina (Sekretaris Daerah) forwards or rejects the Ketua's removal proposal to the Wali Kota (15(5)).</summary>
    public static readonly Permission EndorseRemoval = new("EndorseProgrammerRemoval", "Teruskan atau tolak usulan pemberhentian anggota Tim Programmer (Pembina)", Manifest.FeatureId)
    {
        DefaultRoles = [StandardRoles.Administrator, ProgrammerRoles.Patron],
    };

    public static readonly Permission[] All = [ManageSelection, ViewPersonalData, ManageTeam, ViewReference, FileReports, EvaluateReports, EndorseRemoval];
}

/// <summary>The roles this module brings (technical names; the recipes describe them in Indonesian).</summary>
public static class ProgrammerRoles
{
    /// <summary>Tim Seleksi on the portal.</summary>
    public const string SelectionTeam = "SelectionTeam";

    /// <summary>Ketua (and Sekretaris) of the Tim Programmer on the portal.</summary>
    public const string TeamChair = "TeamChair";

    /// <summary>The Pembina: the Sekretaris Daerah (000 Pasal 9).</summary>
    public const string Patron = "Patron";

    /// <summary>A member of the team, with an account on the PD where they are placed.</summary>
    public const string Programmer = "Programmer";
}
