using PeelCases.Inspections;
using PeelCases.Moderation;
using PeelCases.ReferenceData;
using PeelCases.UnitTests.Support;

namespace PeelCases.UnitTests;

/// <summary>Proposers' grades against moderation: what counts, the steps, the tolerance.</summary>
public sealed class ProposerDriftTests
{
    private static readonly DateTimeOffset Proposed = new(2019, 1, 7, 10, 0, 0, TimeSpan.Zero);

    private static InspectionQuestion Moderated(string code, Grade proposed, Grade moderated, string proposer = "pat.lead", string moderator = "mo.moderator",
        DateTimeOffset? at = null) =>
        new(code, QuestionScope.Detailed, QuestionStage.AwaitingGrade,
            Proposed: new ProposedGrade(proposed, "Because.", [], proposer, Proposed),
            Moderated: new ModerationDecision(moderated, moderated != proposed, moderated == proposed ? null : "The findings say otherwise.", moderator, at ?? Proposed.AddDays(7)));

    private static List<ModeratedProposal> Of(params InspectionQuestion[] questions) =>
        ProposerDrift.Proposals(new Inspection { Id = Guid.NewGuid(), ForceId = "cumbria", Cycle = "2018/19", Questions = [.. questions] },
            Cumbria.Framework, "Cumbria Constabulary").ToList();

    [Fact]
    public void A_step_is_a_place_on_the_scale_and_lowered_is_positive()
    {
        var proposals = Of(
            Moderated("E1", Grade.Outstanding, Grade.RequiresImprovement),
            Moderated("E2", Grade.Inadequate, Grade.Good),
            Moderated("E3", Grade.Good, Grade.Good),
            // Not counted: moderated by its own proposer (an import), moderated before a later proposal, proposed only.
            Moderated("E4", Grade.Good, Grade.Good, moderator: "pat.lead"),
            Moderated("E5", Grade.Good, Grade.Outstanding, at: Proposed.AddDays(-1)),
            new InspectionQuestion("L1", QuestionScope.Detailed, QuestionStage.Moderation, Proposed: new ProposedGrade(Grade.Good, "x", [], "pat.lead", Proposed)));
        Assert.Equal([("E1", 2), ("E2", -2), ("E3", 0)], proposals.Select(p => (p.QuestionCode, p.Steps)));
        Assert.All(proposals, p => Assert.Equal(("pat.lead", "Cumbria Constabulary"), (p.ProposedBy, p.ForceName)));
    }

    [Fact]
    public void A_pillar_grade_moderated_counts_for_its_proposer_and_names_its_pillar()
    {
        var inspection = new Inspection
        {
            Id = Guid.NewGuid(), ForceId = "cumbria", Cycle = "2018/19", Questions = [Moderated("E3", Grade.Good, Grade.Good)],
            Pillars =
            [
                new PillarJudgment("effectiveness", new ProposedGrade(Grade.Outstanding, "Because.", [], "pat.lead", Proposed), null,
                    Moderated: new ModerationDecision(Grade.Good, true, "Its questions are good.", "mo.moderator", Proposed.AddDays(7))),
                // Not counted: proposed only.
                new PillarJudgment("efficiency", new ProposedGrade(Grade.Good, "x", [], "pat.lead", Proposed), null),
            ],
        };
        var proposals = ProposerDrift.Proposals(inspection, Cumbria.Framework, "Cumbria Constabulary").ToList();
        Assert.Equal([("E3", null, null, 0), (null, "effectiveness", "Effectiveness", 1)],
            proposals.Select(p => (p.QuestionCode, p.PillarCode, p.PillarName, p.Steps)));
        var record = Assert.Single(ProposerDrift.Of(null, proposals).Proposers);
        Assert.Equal(("pat.lead", 2, 1, 1), (record.ProposedBy, record.Moderated, record.Confirmed, record.Lowered));
    }

    [Fact]
    public void A_proposer_is_flagged_past_a_third_changed_or_half_a_step_one_way()
    {
        Assert.Null(ProposerDrift.Flag(3, 3, 1.0)); // too few to judge
        Assert.Null(ProposerDrift.Flag(6, 2, 0.33)); // a third exactly, under half a step
        Assert.Contains("changed 3 of its 6 grades", ProposerDrift.Flag(6, 3, 0.17));
        Assert.Equal("Out of tolerance: its grades run generous: moderation graded 0.5 of a step lower on average.", ProposerDrift.Flag(4, 1, 0.5));
        Assert.Contains("run severe: moderation graded 0.5 of a step higher", ProposerDrift.Flag(4, 1, -0.5));
        Assert.Null(ProposerDrift.Flag(4, 1, -0.49));
    }

    [Fact]
    public void The_report_counts_each_proposer_and_puts_the_flagged_first()
    {
        var report = ProposerDrift.Of("2018/19", Of(
            Moderated("E1", Grade.Good, Grade.RequiresImprovement), Moderated("E2", Grade.Good, Grade.RequiresImprovement),
            Moderated("E3", Grade.Good, Grade.Good), Moderated("E4", Grade.Outstanding, Grade.Good),
            Moderated("L1", Grade.Good, Grade.Good, proposer: "ann.lead"), Moderated("L2", Grade.Good, Grade.Outstanding, proposer: "ann.lead")));
        Assert.Equal(6, report.Moderated);
        Assert.Equal(["pat.lead", "ann.lead"], report.Proposers.Select(p => p.ProposedBy));
        var pat = report.Proposers[0];
        Assert.Equal((4, 1, 3, 0, 0.75, 1), (pat.Moderated, pat.Confirmed, pat.Lowered, pat.Raised, pat.MeanSteps, pat.Forces));
        Assert.Equal(["E1", "E2", "E4"], pat.Changes.Select(c => c.QuestionCode).Order());
        Assert.Contains("generous", pat.Flag);
        var ann = report.Proposers[1];
        Assert.Equal((2, 1, 0, 1, -0.5), (ann.Moderated, ann.Confirmed, ann.Lowered, ann.Raised, ann.MeanSteps));
        Assert.Null(ann.Flag); // fewer than four
    }
}
