using System.Reflection;
using PeelCases.Tests.Support;
using Wolverine.Attributes;
using PeelCases.Audit;
using PeelCases.Host;
using PeelCases.Kernel;
using PeelCases.Moderation;
using PeelCases.ReferenceData;

namespace PeelCases.Tests.Unit;

/// <summary>
/// Every type name found in a stored dump resolves through the names we registered, never through
/// a Type.GetType fallback on a CLR name that may since have moved. The same names are checked
/// against the running Marten and Wolverine configuration in StoredHistoryTests.
/// </summary>
public sealed class StoredNamesTests
{
    private static readonly Type[] ServiceTypes = typeof(StoredNames).Assembly.GetTypes();

    [Theory, MemberData(nameof(StoredDump.Names), MemberType = typeof(StoredDump))]
    public void Every_stored_event_alias_and_clr_name_resolves_to_the_same_registered_type(string dump)
    {
        var pairs = StoredDump.Named(dump).Rows("mt_events").Select(r => (Alias: r["type"]!, Clr: r["mt_dotnet_type"]!)).Distinct().ToList();
        Assert.NotEmpty(pairs);
        Assert.All(pairs, p =>
        {
            var byAlias = StoredNames.EventForAlias(p.Alias);
            Assert.True(byAlias is not null, $"The stored event alias '{p.Alias}' is not registered in StoredNames.Events.");
            Assert.True(StoredNames.EventForClrName(p.Clr) == byAlias,
                $"The stored CLR name '{p.Clr}' (alias '{p.Alias}') is not listed for {byAlias!.Name} in StoredNames.Events.");
        });
    }

    [Theory, MemberData(nameof(StoredDump.Names), MemberType = typeof(StoredDump))]
    public void Every_stored_stream_kind_and_document_table_is_a_registered_record(string dump)
    {
        var stored = StoredDump.Named(dump);
        Assert.All(stored.Distinct("mt_streams", "type"), kind => Assert.Contains(kind, StoredNames.Records.Values));
        // Wolverine's own documents (envelopes, dead letters) are named by Wolverine.
        var tables = stored.Tables().Where(t => t.StartsWith("mt_doc_")).Select(t => t["mt_doc_".Length..]).Except(["envelope", "deadletterevent"]);
        Assert.All(tables, alias => Assert.Contains(alias, StoredNames.Records.Values));
    }

    [Theory, MemberData(nameof(StoredDump.Names), MemberType = typeof(StoredDump))]
    public void Every_stored_message_name_is_pinned_on_exactly_one_message_type(string dump)
    {
        var stored = StoredDump.Named(dump);
        var names = stored.Distinct("wolverine_incoming_envelopes", "message_type")
            .Concat(stored.Distinct("wolverine_outgoing_envelopes", "message_type"))
            .Concat(stored.Distinct("wolverine_dead_letters", "message_type")).Distinct().ToList();
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Single(ServiceTypes, t => t.GetCustomAttribute<MessageIdentityAttribute>()?.GetName() == name));
    }

    [Fact]
    public void Aliases_and_clr_names_are_unique_and_the_current_clr_name_is_listed_first()
    {
        Assert.Equal(StoredNames.Events.Count, StoredNames.Events.Select(e => e.Alias).Distinct().Count());
        Assert.Equal(StoredNames.Events.Count, StoredNames.Events.Select(e => e.Type).Distinct().Count());
        var clrNames = StoredNames.Events.SelectMany(e => e.ClrNames).ToList();
        Assert.Equal(clrNames.Count, clrNames.Distinct().Count());
        Assert.All(StoredNames.Events, e => Assert.Equal(e.Type.FullName, e.ClrNames[0]));
    }

    [Fact]
    public void Every_message_identity_is_unique()
    {
        var names = ServiceTypes.Select(t => t.GetCustomAttribute<MessageIdentityAttribute>()?.GetName()).OfType<string>().ToList();
        Assert.NotEmpty(names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }
}

public sealed class EventContractTests
{
    [Fact]
    public void Every_stored_event_declares_its_business_time() =>
        Assert.All(PeelCases.Host.StoredNames.Events, e => Assert.True(typeof(PeelCases.Kernel.IBusinessEvent).IsAssignableFrom(e.Type), $"{e.Type.Name} does not declare its business time."));

    [Fact]
    public void Every_event_with_a_question_code_says_it_concerns_that_question() =>
        Assert.All(PeelCases.Host.StoredNames.Events.Where(e => e.Type.GetProperty("QuestionCode") is not null),
            e => Assert.True(typeof(PeelCases.Kernel.IQuestionEvent).IsAssignableFrom(e.Type), $"{e.Type.Name} has a QuestionCode but is no IQuestionEvent."));

    [Fact]
    public void A_grade_enters_moderation_when_it_enters_not_when_it_was_proposed()
    {
        var proposed = new DateTimeOffset(2018, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var e = new PeelCases.Grading.GradeEnteredModeration(Guid.NewGuid(), "cumbria", "2018/19", "E3", PeelCases.ReferenceData.Grade.Good, proposed, proposed.AddMinutes(5));
        Assert.Equal(proposed.AddMinutes(5), PeelCases.Audit.EventDescriptions.BusinessTime(e));
    }
}
