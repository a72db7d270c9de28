using System.Reflection;
using Marten;
using Marten.Schema;
using PeelCases.Fieldwork;
using PeelCases.Import;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.ReferenceData;

namespace PeelCases.Demo;

/// <summary>
/// Realistic demo records, loaded at start when PeelCases:DemoData is true (./deploy/local/run.sh):
/// Cumbria's 2016 and 2017 effectiveness inspections and, with <paramref name="fullHistory"/>, a
/// generated history of every force in every cycle, both through the historical import
/// (<see cref="HistoryImport"/>); then Cumbria's 2018/19 inspection worked through from the
/// published report, a 2021/22 inspection of Kent in fieldwork and a 2025–27 inspection of Durham in moderation. Fixed ids, so a restart loads
/// nothing twice. Tests load the small set: the whole history is for people.
/// </summary>
public sealed class DemoData(bool fullHistory = false) : IInitialData
{
    public static readonly Guid Cumbria2016 = new("c0b1a000-2016-4016-8000-000000000016");
    public static readonly Guid Cumbria2017 = new("c0b1a000-2017-4017-8000-000000000017");
    public static readonly Guid Cumbria2018 = new("c0b1a000-2018-4019-8000-000000000001");
    public static readonly Guid Kent2021 = new("c0b1a000-2021-4022-8000-000000000002");
    public static readonly Guid Lincolnshire2025 = new("c0b1a000-2025-4027-8000-000000000003");
    // Its records' ids (Id) replace the last two bytes: the fourth group keeps them apart from Lincolnshire's.
    public static readonly Guid Durham2025 = new("c0b1a000-2025-4027-8004-000000000004");

    private static readonly string[] Team = ["ian.inspector", "sara.inspector"];

    private const string EffectivenessSummary = "Cumbria Constabulary is good at keeping people safe and reducing crime.";

    /// <summary>
    /// The public text of the demo's Cumbria pages, by inspection: the effectiveness pillar's summary and each inspected
    /// question's. The 2018/19 pillar summary is the published one; the stored reference page shows the two "Summary for
    /// question N" headings without their text, so those summaries are the questions' own opening lines (docs/reports.md).
    /// </summary>
    public static readonly IReadOnlyDictionary<Guid, (string Pillar, IReadOnlyDictionary<string, string> Questions)> PublicText =
        new Dictionary<Guid, (string, IReadOnlyDictionary<string, string>)>
        {
            [Cumbria2016] = (EffectivenessSummary, new Dictionary<string, string>
            {
                ["E1"] = "Neighbourhood teams understand local priorities and work with partners to prevent crime and anti-social behaviour.",
            }),
            [Cumbria2017] = (EffectivenessSummary, new Dictionary<string, string>
            {
                ["E2"] = "Investigations are allocated to officers with the right skills and are well supervised.",
                ["E3"] = "The constabulary identifies vulnerability at first contact and safeguards victims promptly.",
                ["E4"] = "The constabulary understands the threat from serious and organised crime and disrupts organised crime groups.",
            }),
            [Cumbria2018] = (Cumbria2018Report.Load().Summary, new Dictionary<string, string>
            {
                ["E3"] = "Cumbria Constabulary is good at protecting vulnerable people and has improved since our 2017 effectiveness inspection, when it was also graded as good.",
                ["E5"] = "Cumbria Constabulary understands the threat and risk posed by armed criminals and terrorists, and can call on specialist armed officers from neighbouring forces when it needs them.",
            }),
        };
    private const string Lead = "lena.lead", Ian = "ian.inspector", Sara = "sara.inspector", Hmi = "hannah.hmi", Moderator = "mo.moderator", Qa = "quinn.qa";

    public async Task Populate(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        // Loaded before: only the corrections a stored demo record may still need (idempotent).
        if (await session.LoadAsync<Inspection>(Kent2021, ct) is not null)
        {
            await DemoCorrections.ApplyAsync(store, ct);
            // A demo record added since the demo was loaded is written into it.
            if (await session.LoadAsync<Inspection>(Durham2025, ct) is null) await Durham(new DemoWriter(session, ct));
            return;
        }
        // At start the async daemon is not running yet: it folds the imported events into the grade history when it starts.
        var record = new PublishedRecord("PeelCases demo data",
            [.. DemoHistory.Cumbria(), .. fullHistory ? DemoHistory.Generated(Frameworks.All, Forces.All) : []]);
        var report = await new HistoryImport(store, null, TimeProvider.System).ImportAsync(record, "demo-data", ct);
        if (report.Refused.Count > 0)
            throw new InvalidOperationException($"Demo history broke a rule: {string.Join("; ", report.Refused.Select(r => $"#{r.Index} {r.ForceId} {r.FrameworkId}: {r.Reason}"))}");
        var w = new DemoWriter(session, ct);
        await Cumbria2018To19(w);
        await Kent(w);
        await Durham(w);
        if (fullHistory) await Lincolnshire(w);
    }

    private static async Task Cumbria2018To19(DemoWriter w)
    {
        var id = Cumbria2018;
        await w.Schedule(id, new ScheduleInspection(id, "cumbria", "2018/19", "peel-2018-19",
            ["E1", "E2", "E3", "E4", "E5"], Lead, new DateOnly(2018, 10, 8), new DateOnly(2018, 10, 19), Team), At(2018, 6, 4));
        foreach (var q in new[] { "E1", "E2", "E4" })
        {
            await w.Scope(id, q, QuestionScope.CarryOver, "Not subject to detailed inspection in 2018/19; the earlier judgment stands.", At(2018, 7, 2));
            await w.CarryOver(id, q, At(2018, 7, 2, 11));
        }
        await w.Scope(id, "E3", QuestionScope.Detailed, "Vulnerability is the focus of the 2018/19 fieldwork.", At(2018, 7, 2));
        await w.Scope(id, "E5", QuestionScope.Ungraded, "Specialist capabilities: narrative findings only.", At(2018, 7, 2));
        await w.StartFieldwork(id, At(2018, 10, 8, 8));

        var n = 0;
        Task Evidence(EvidenceMethod method, int? sample, int day, string summary, string source, string question, string by, bool sensitive = false) =>
            w.Record(id, new RecordEvidence(Id(id, ++n), method, sample, new DateOnly(2018, 10, day), summary, source, [question], sensitive),
                by, At(2018, 10, day, 17));

        await Evidence(EvidenceMethod.CaseFileReview, 40, 9,
            "Incident logs reviewed: THRIVE assessment recorded on most logs, with safeguarding considered and whether a crime was committed. Improvement in quality and quantity since 2017.",
            "Command and control room incident logs", "E3", Ian);
        await Evidence(EvidenceMethod.Interview, null, 9,
            "Safeguarding help desk: detectives trained in vulnerability share a workspace with control room staff, advise call takers and attending officers, and make rapid referrals to partners.",
            "Head of protecting vulnerable people; safeguarding help desk detectives", "E3", Sara);
        await Evidence(EvidenceMethod.FocusGroup, null, 10,
            "Response officers felt the calls they attended were mostly graded appropriately; no pressure to grade incidents by resource availability.",
            "Focus group, response officers, west area", "E3", Ian);
        await Evidence(EvidenceMethod.CaseFileReview, 20, 11,
            "Dip sample of recently submitted domestic abuse risk assessment forms: in most cases enough information for the recipient to decide on further action; fewer forms returned for more detail.",
            "Public protection unit, submitted risk assessment forms", "E3", Sara);
        await Evidence(EvidenceMethod.RealityTest, null, 12,
            "Frontline officers could recount putting modern slavery training into practice: visits to car washes employing migrant workers, educating local hotel staff.",
            "Reality testing with neighbourhood officers, north area", "E3", Ian);
        await Evidence(EvidenceMethod.Interview, null, 15,
            "Victim of domestic abuse described the officers' use of body-worn video and the bail conditions imposed.",
            "Victim interview (identity withheld)", "E3", Sara, sensitive: true);
        await Evidence(EvidenceMethod.DocumentReview, null, 16,
            "APSTRA published annually with a register of risks and observations; the designated chief officer reviews the register frequently.",
            "Armed policing strategic threat and risk assessment 2018", "E5", Ian);
        await Evidence(EvidenceMethod.Interview, null, 17,
            "Agreements with Lancashire Constabulary and the North West Armed Policing Collaboration, including the North West Counter Terrorist Unit, provide additional ARV and specialist capability.",
            "Firearms command team", "E5", Sara);
        await Evidence(EvidenceMethod.DocumentReview, null, 18,
            "Debriefs of training exercises and reviews of every firearms incident feed improvements to training and operational procedures.",
            "Firearms incident reviews and exercise debriefs, 2017–18", "E5", Ian);

        var report = Cumbria2018Report.Load();
        var e3Findings = new List<Guid>();
        foreach (var (section, i) in report.Findings.Select((s, i) => (s, i)))
        {
            var findingId = Id(id, 100 + i);
            await w.Draft(id, new DraftFinding(findingId, section.Question, section.Heading, section.Kind, section.Text,
                section.CitedEvidence.Select(e => Id(id, e)).ToList()), i % 2 == 0 ? Ian : Sara, At(2018, 11, 5 + i));
            if (section.Question == "E3") e3Findings.Add(findingId);
        }
        await w.CompleteFieldwork(id, At(2018, 10, 19, 17));
        await w.PassQa(id, "E3", Qa, At(2018, 12, 3));
        await w.PassQa(id, "E5", Qa, At(2018, 12, 3));
        await w.Grade(id, "E3", Grade.Good,
            "Cumbria Constabulary is good at protecting vulnerable people and has improved since 2017: a clear strategy, a safeguarding help desk in the control room, good initial risk assessments and proactive use of legal powers.",
            e3Findings, Moderator, Hmi, At(2019, 1, 14));
        await w.Pillar(id, "effectiveness", Grade.Good, "Every effectiveness question stands at good; protecting vulnerable people has improved since 2017.",
            Moderator, Hmi, At(2019, 2, 18), At(2019, 3, 4));
        // The public text, apart from the grades' rationales: the pillar summary as published, and a summary for each inspected
        // question (the stored reference page shows the two "Summary for question N" headings without their text: docs/reports.md).
        await w.PillarSummary(id, "effectiveness", PublicText[id].Pillar, At(2019, 3, 5));
        foreach (var (question, summary) in PublicText[id].Questions) await w.Summary(id, question, summary, At(2019, 3, 5));
        await w.Publish(id, Hmi, At(2019, 3, 11), new DateOnly(2019, 5, 2));
    }

    private static async Task Kent(DemoWriter w)
    {
        await w.Schedule(Kent2021, new ScheduleInspection(Kent2021, "kent", "2021/22", "peel-2021-22",
            ["Q3", "Q4", "Q6"], Lead, new DateOnly(2021, 11, 1), new DateOnly(2021, 11, 12), Team), At(2021, 8, 2));
        foreach (var q in new[] { "Q3", "Q4", "Q6" }) await w.Scope(Kent2021, q, QuestionScope.Detailed, "Inspected in detail.", At(2021, 9, 1));
        // Planning's key lines of enquiry: one from the force management statement, one from the force's own data.
        await w.SetLineOfEnquiry(Kent2021, "Q3", "The force management statement says neighbourhood officers are often taken for response duties: "
            + "how often does it happen, and what does it cost neighbourhood problem-solving?", EnquiryBasis.ForceManagementStatement, At(2021, 9, 2));
        await w.SetLineOfEnquiry(Kent2021, "Q4", "The force's call data show 999 calls answered within 10 seconds below the national standard: "
            + "is the shortfall in staffing, in demand, or in how calls are handled?", EnquiryBasis.Data, At(2021, 9, 2));
        await w.StartFieldwork(Kent2021, At(2021, 11, 1, 8));
        await w.Record(Kent2021, new RecordEvidence(Id(Kent2021, 1), EvidenceMethod.Data, null, new DateOnly(2021, 11, 2),
            "999 calls answered within 10 seconds: 88% against the national standard of 90%.", "Force call handling data, Q2 2021/22",
            ["Q4"]), Ian, At(2021, 11, 2, 16));
        await w.Record(Kent2021, new RecordEvidence(Id(Kent2021, 2), EvidenceMethod.Survey, null, new DateOnly(2021, 11, 4),
            "Neighbourhood officers report being abstracted to response duties in 3 of 5 shifts, limiting problem-solving time.",
            "Workforce survey, neighbourhood policing", ["Q3"]), Sara, At(2021, 11, 4, 16));
        await w.ConcludeLineOfEnquiry(Kent2021, "Q3", 1, EnquiryOutcome.Answered,
            "The workforce survey confirms it: neighbourhood officers were taken for response duties in 3 of 5 shifts, limiting problem-solving.",
            [Id(Kent2021, 2)], Sara, At(2021, 11, 4, 16, 30));
        // Sara holds the neighbourhood question: the board names her.
        await w.Hand(Kent2021, "Q3", Sara, At(2021, 11, 4, 17));
    }

    /// <summary>
    /// Durham's 2025–27 inspection in moderation: the lead inspector's grade for leadership and force management waits for a
    /// moderator, with the findings it cites, the evidence under them and the line of enquiry that steered the fieldwork.
    /// </summary>
    private static async Task Durham(DemoWriter w)
    {
        var id = Durham2025;
        await w.Schedule(id, new ScheduleInspection(id, "durham", "2025-27", "peel-2025-27", ["Q1"], Lead,
            new DateOnly(2026, 9, 7), new DateOnly(2026, 9, 18), Team), At(2026, 6, 1));
        await w.Scope(id, "Q1", QuestionScope.Detailed, "Leadership and force management, inspected in detail.", At(2026, 7, 1));
        await w.SetLineOfEnquiry(id, "Q1", "The force management statement forecasts 38 fewer detectives than it needs by March 2027: "
            + "is the plan to close the gap funded and on track?", EnquiryBasis.ForceManagementStatement, At(2026, 7, 2));
        await w.StartFieldwork(id, At(2026, 9, 7, 8));
        var n = 0;
        async Task<Guid> Evidence(EvidenceMethod method, int day, string summary, string source, string by)
        {
            var evidenceId = Id(id, ++n);
            await w.Record(id, new RecordEvidence(evidenceId, method, null, new DateOnly(2026, 9, day), summary, source, ["Q1"]), by, At(2026, 9, day, 17));
            return evidenceId;
        }
        var chiefs = await Evidence(EvidenceMethod.Interview, 8,
            "The chief officer team set out one aim, the best possible service to the public, and a monthly people board chaired by the deputy chief constable.",
            "Chief officer team interviews", Ian);
        var plan = await Evidence(EvidenceMethod.DocumentReview, 9,
            "The workforce plan recruits and trains 20 of the 38 detectives the force management statement says the force will lack by March 2027; the rest is not funded.",
            "Force management statement 2026; workforce plan 2026–29", Sara);
        var sergeants = await Evidence(EvidenceMethod.FocusGroup, 10,
            "Investigation sergeants each supervise 9 investigators against the force's own target of 6, and said they had too little time to review investigations.",
            "Focus group, investigation sergeants", Ian);
        var survey = await Evidence(EvidenceMethod.Survey, 14,
            "71% of the workforce said they understood the force's priorities; 48% said their wellbeing was supported.",
            "Workforce survey, September 2026", Sara);
        await w.ConcludeLineOfEnquiry(id, "Q1", 1, EnquiryOutcome.Answered,
            "Half funded: the workforce plan closes 20 of the 38 places, and sergeants already supervise 9 investigators each against a target of 6.",
            [plan, sergeants], Sara, At(2026, 9, 15, 16));
        Guid strength = Id(id, 101), improvement = Id(id, 102);
        await w.Draft(id, new DraftFinding(strength, "Q1", "Leaders set a clear direction the workforce understands", FindingKind.Strength,
            "The chief officer team has one clear aim for the force, and most of the workforce understand its priorities.", [chiefs, survey]), Ian, At(2026, 9, 16));
        await w.Draft(id, new DraftFinding(improvement, "Q1", "Closing the gap in detectives", FindingKind.AreaForImprovement,
            "The force should make sure its plan to recruit and train detectives is funded in full, so that it has enough investigators, and "
            + "enough supervision of them, to meet the demand its force management statement forecasts.", [plan, sergeants]), Sara, At(2026, 9, 17));
        await w.CompleteFieldwork(id, At(2026, 9, 18, 17));
        await w.PassQa(id, "Q1", Qa, At(2026, 10, 12));
        await w.Propose(id, "Q1", Grade.Adequate,
            "Leaders set a clear direction the workforce understands, but the plan to close the gap in detectives is only half funded and "
            + "investigation sergeants supervise half as many again as the force's own target: adequate.", [strength, improvement], At(2026, 10, 26));
    }

    /// <summary>
    /// Lincolnshire's 2025–27 inspection in fieldwork, with the whole history only: its first question (leadership and force
    /// management) looks again at the generated 2023–25 area for improvement of the same area, where the lead inspector
    /// records where it stands now.
    /// </summary>
    private static async Task Lincolnshire(DemoWriter w)
    {
        var id = Lincolnshire2025;
        await w.Schedule(id, new ScheduleInspection(id, "lincolnshire", "2025-27", "peel-2025-27", ["Q1"], Lead,
            new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 13), Team), At(2026, 8, 3));
        await w.Scope(id, "Q1", QuestionScope.Detailed, "Leadership is the focus; the 2023–25 area for improvement is looked at again.", At(2026, 9, 1));
        await w.StartFieldwork(id, At(2026, 11, 2, 8));
    }

    private static DateTimeOffset At(int year, int month, int day, int hour = 10, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>Stable ids for demo records, so the demo is the same on every machine.</summary>
    private static Guid Id(Guid inspection, int n)
    {
        var bytes = inspection.ToByteArray();
        bytes[14] = (byte)(0xE0 + n / 256);
        bytes[15] = (byte)(n % 256);
        return new Guid(bytes);
    }
}

/// <summary>The findings and summary of the Cumbria 2018/19 effectiveness report, shipped as a resource.</summary>
public sealed record Cumbria2018Report(string Summary, IReadOnlyList<ReferenceSection> Findings)
{
    public static Cumbria2018Report Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PeelCases.Demo.Cumbria2018.txt")!;
        var text = new StreamReader(stream).ReadToEnd().Replace("\r\n", "\n");
        var blocks = text.Split("\n## ").Skip(1).Select(b => b.Split('\n', 2)).ToList();
        var summary = blocks.Single(b => b[0] == "summary")[1].Trim();
        var findings = blocks.Where(b => b[0] != "summary").Select(b =>
        {
            var head = b[0].Split(" | ");
            return new ReferenceSection(head[0], Enum.Parse<FindingKind>(head[1]), head[2],
                head[3].Split(',').Select(int.Parse).ToList(), b[1].Trim());
        }).ToList();
        return new Cumbria2018Report(summary, findings);
    }
}

public sealed record ReferenceSection(string Question, FindingKind Kind, string Heading, IReadOnlyList<int> CitedEvidence, string Text);
