using PeelCases.Tests.Support;
using PeelCases.FactualAccuracy;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.HmiSignOff;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Moderation;
using PeelCases.Publishing;
using PeelCases.QualityAssurance;
using PeelCases.ReferenceData;

namespace PeelCases.Tests.Integration;

/// <summary>
/// Every command that changes an inspection checks the version of what it decides on: a stale
/// one is a 409 that names what changed, and nothing is appended. Question-level commands carry
/// the question's version, inspection-wide ones the inspection's.
/// </summary>
public sealed class StaleVersionTests(AppFixture app) : InspectionTestBase(app)
{
    private static readonly TestUser Everyone = new("lena.lead", [Roles.LeadInspector, Roles.Inspector, Roles.QaReviewer, Roles.Moderator, Roles.Hmi]);

    public static TheoryData<string, string, object> Commands() => new()
    {
        { "questions/E1/scope", "question E1", new ScopeQuestion(QuestionScope.Detailed, null, 7) },
        { "questions/E1/qa-submission", "question E1", new InspectionStep(7) },
        { "questions/E1/qa-review", "question E1", new ReviewFindings(QaOutcome.Accept, null, 7) },
        { "questions/E1/grade-proposals", "question E1", new ProposeGrade(Grade.Good, "Consistent with the findings.", [Guid.NewGuid()], 7) },
        { "questions/E1/moderation", "question E1", new ModerateGrade(Grade.Good, null, 7) },
        { "questions/E1/award", "question E1", new InspectionStep(7) },
        { "questions/E1/carry-over", "question E1", new InspectionStep(7) },
        { "questions/E1/carry-over/dispute", "question E1", new DisputeCarriedOverJudgment(Grade.Good, "The force has changed since.", 7) },
        { "questions/E1/summary", "question E1", new WriteQuestionSummary("The force is good at preventing crime.", 7) },
        { "questions/E1/lines-of-enquiry", "question E1", new SetLineOfEnquiry("Is demand met?", EnquiryBasis.Data, 7) },
        { "questions/E1/lines-of-enquiry/1/revision", "question E1", new ReviseLineOfEnquiry("Is demand met in both districts?", EnquiryBasis.Data, "Narrowed.", 7) },
        { "pillars/effectiveness/summary", "inspection", new WritePillarSummary("The force is good at keeping people safe.", 7) },
        { "draft-checks/0a1b2c3d4e5f/dismissal", "inspection", new DismissDraftFlag("The wording is the HMI's.", 7) },
        { "fieldwork/start", "inspection", new InspectionStep(7) },
        { "fieldwork/complete", "inspection", new InspectionStep(7) },
        { "team", "inspection", new ChangeTeam(["sara.inspector"], [], 7) },
        { "tranche", "inspection", new AssignTranche("Tranche 1", null, 7) },
        { "pillars/effectiveness/grade-proposals", "inspection", new ProposePillarGrade(Grade.Good, "Every question is good.", 7) },
        { "pillars/effectiveness/moderation", "inspection", new ModerateGrade(Grade.Good, null, 7) },
        { "pillars/effectiveness/award", "inspection", new InspectionStep(7) },
        { "sign-off", "inspection", new InspectionStep(7) },
        { "questions/E1/redaction", "question E1", new RedactText("Erasure request.", 7) },
        { $"factual-accuracy-check/challenges/{Guid.NewGuid()}/redaction", "inspection", new RedactText("Erasure request.", 7) },
        { "hmi-observations", "inspection", new WriteHmiObservations("I am pleased with the force’s progress.", 7) },
        { "factual-accuracy-check", "inspection", new InspectionStep(7) },
        { "factual-accuracy-check/closure", "inspection", new InspectionStep(7) },
        { $"factual-accuracy-check/challenges/{Guid.NewGuid()}/resolution", "inspection", new ResolveChallenge(true, "The figure was corrected.", 7) },
        { "publication", "inspection", new PublishReport(new DateOnly(2019, 5, 2), 7) },
    };

    [Theory, MemberData(nameof(Commands))]
    public async Task A_stale_version_is_409_and_appends_nothing(string path, string what, object command)
    {
        var inspection = await ScheduleAsync();
        var before = await TotalEvents();

        var problem = await Problem(HttpMethod.Post, $"/inspections/{inspection.Id}/{path}", command, Everyone, 409);

        Assert.Equal("Stale version", problem.Title);
        Assert.Contains($"You sent expected version 7 but the {what} is now at version 1", problem.Detail);
        Assert.Equal(before, await TotalEvents());
    }
}
