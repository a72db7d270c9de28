using Marten;
using Marten.Schema;
using PeelCases.Fieldwork;
using PeelCases.Inspections;
using PeelCases.ReferenceData;

namespace PeelCases.Demo;

/// <summary>
/// Realistic demo records, loaded at start when PeelCases:DemoData is true (./deploy/local/run.sh).
/// Written through the same decision functions as the API, with business times of their own,
/// and with fixed ids so a restart loads nothing twice.
/// </summary>
public sealed class DemoData : IInitialData
{
    public static readonly Guid Cumbria2018 = new("c0b1a000-2018-4019-8000-000000000001");
    public static readonly Guid Kent2021 = new("c0b1a000-2021-4022-8000-000000000002");

    public async Task Populate(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<Inspection>(Cumbria2018, ct) is not null) return;
        var writer = new DemoWriter(session, ct);

        await writer.Schedule(Cumbria2018, new ScheduleInspection(Cumbria2018, "cumbria", "2018/19", "peel-2018-19",
            ["E1", "E2", "E3", "E4", "E5"], "lena.lead", new DateOnly(2018, 10, 8), new DateOnly(2018, 10, 19)),
            "lena.lead", At(2018, 6, 4));
        await writer.Scope(Cumbria2018, "E1", QuestionScope.CarryOver, "Not inspected in detail this cycle; the 2016 judgment stands.", At(2018, 7, 2));
        await writer.Scope(Cumbria2018, "E2", QuestionScope.CarryOver, "Not inspected in detail this cycle; the 2017 judgment stands.", At(2018, 7, 2));
        await writer.Scope(Cumbria2018, "E3", QuestionScope.Detailed, "Vulnerability is the focus of the 2018/19 fieldwork.", At(2018, 7, 2));
        await writer.Scope(Cumbria2018, "E4", QuestionScope.CarryOver, "Not inspected in detail this cycle; the 2017 judgment stands.", At(2018, 7, 2));
        await writer.Scope(Cumbria2018, "E5", QuestionScope.Ungraded, "Specialist capabilities: narrative findings only.", At(2018, 7, 2));

        var n = 0;
        async Task Evidence(EvidenceMethod method, int? sample, int day, string summary, string source, string question, string by, bool sensitive = false) =>
            await writer.Record(Cumbria2018, new RecordEvidence(Id(Cumbria2018, ++n), method, sample, new DateOnly(2018, 10, day),
                summary, source, [question], sensitive), by, At(2018, 10, day, 17));

        await Evidence(EvidenceMethod.CaseFileReview, 40, 9,
            "Incident logs reviewed: THRIVE assessment recorded on most logs, with safeguarding considered and whether a crime was committed. Improvement in quality and quantity since 2017.",
            "Command and control room incident logs", "E3", "ian.inspector");
        await Evidence(EvidenceMethod.Interview, null, 9,
            "Safeguarding help desk: detectives trained in vulnerability share a workspace with control room staff, advise call takers and attending officers, and make rapid referrals to partners.",
            "Head of protecting vulnerable people; safeguarding help desk detectives", "E3", "sara.inspector");
        await Evidence(EvidenceMethod.FocusGroup, null, 10,
            "Response officers felt the calls they attended were mostly graded appropriately; no pressure to grade incidents by resource availability.",
            "Focus group, response officers, west area", "E3", "ian.inspector");
        await Evidence(EvidenceMethod.CaseFileReview, 20, 11,
            "Dip sample of recently submitted domestic abuse risk assessment forms: in most cases enough information for the recipient to decide on further action; fewer forms returned for more detail.",
            "Public protection unit, submitted risk assessment forms", "E3", "sara.inspector");
        await Evidence(EvidenceMethod.RealityTest, null, 12,
            "Frontline officers could recount putting modern slavery training into practice: visits to car washes employing migrant workers, educating local hotel staff.",
            "Reality testing with neighbourhood officers, north area", "E3", "ian.inspector");
        await Evidence(EvidenceMethod.Interview, null, 15,
            "Victim of domestic abuse described the officers' use of body-worn video and the bail conditions imposed.",
            "Victim interview (identity withheld)", "E3", "sara.inspector", sensitive: true);
        await Evidence(EvidenceMethod.DocumentReview, null, 16,
            "APSTRA published annually with a register of risks and observations; the designated chief officer reviews the register frequently.",
            "Armed policing strategic threat and risk assessment 2018", "E5", "ian.inspector");
        await Evidence(EvidenceMethod.Interview, null, 17,
            "Agreements with Lancashire Constabulary and the North West Armed Policing Collaboration, including the North West Counter Terrorist Unit, provide additional ARV and specialist capability.",
            "Firearms command team", "E5", "sara.inspector");
        await Evidence(EvidenceMethod.DocumentReview, null, 18,
            "Debriefs of training exercises and reviews of every firearms incident feed improvements to training and operational procedures.",
            "Firearms incident reviews and exercise debriefs, 2017–18", "E5", "ian.inspector");

        await writer.Schedule(Kent2021, new ScheduleInspection(Kent2021, "kent", "2021/22", "peel-2021-22",
            ["Q3", "Q4", "Q6"], "lena.lead", new DateOnly(2021, 11, 1), new DateOnly(2021, 11, 12)), "lena.lead", At(2021, 8, 2));
        await writer.Record(Kent2021, new RecordEvidence(Id(Kent2021, 1), EvidenceMethod.Data, null, new DateOnly(2021, 11, 2),
            "999 calls answered within 10 seconds: 88% against the national standard of 90%.", "Force call handling data, Q2 2021/22",
            ["Q4"], false), "ian.inspector", At(2021, 11, 2, 16));
        await writer.Record(Kent2021, new RecordEvidence(Id(Kent2021, 2), EvidenceMethod.Survey, null, new DateOnly(2021, 11, 4),
            "Neighbourhood officers report being abstracted to response duties in 3 of 5 shifts, limiting problem-solving time.",
            "Workforce survey, neighbourhood policing", ["Q3"], false), "sara.inspector", At(2021, 11, 4, 16));
    }

    private static DateTimeOffset At(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>Stable ids for demo evidence, so the demo is the same on every machine.</summary>
    private static Guid Id(Guid inspection, int n)
    {
        var bytes = inspection.ToByteArray();
        bytes[15] = (byte)n;
        bytes[14] = 0xEE;
        return new Guid(bytes);
    }
}
