using OrchardSpbe.Statistics.Indicators;
using OrchardSpbe.Statistics.Submissions;

namespace OrchardSpbe.Statistics.ViewModels;

/// <summary>How stored codes read in the UI (Indonesian keys; the views translate them with T).</summary>
public static class StatisticsLabels
{
    public static string SubmissionState(string state) => state switch
    {
        SubmissionStates.Accepted => "Diterima",
        SubmissionStates.Returned => "Dikembalikan",
        _ => "Menunggu verifikasi",
    };

    public static string ObservationStatus(string status) => status switch
    {
        Observations.ObservationStatus.Sementara => "Sementara",
        Observations.ObservationStatus.Revisi => "Revisi",
        _ => "Tetap",
    };

    public static string EstimationLevel(string code) => EstimationLevels.All.FirstOrDefault(l => l.Code == code).Label ?? code;
}
