using Marten;
using PeelCases.Kernel;

namespace PeelCases.FactualAccuracy;

public static class FactualAccuracyConfiguration
{
    public static readonly IReadOnlyList<StoredEvent> Events =
    [
        StoredEvent.Of<FactualAccuracyCheckOpened>("factual_accuracy_check_opened"),
        StoredEvent.Of<FactualAccuracyChallengeRaised>("factual_accuracy_challenge_raised"),
        StoredEvent.Of<FactualAccuracyChallengeResolved>("factual_accuracy_challenge_resolved"),
        StoredEvent.Of<FactualAccuracyCheckClosed>("factual_accuracy_check_closed"),
        StoredEvent.Of<FactualAccuracyChallengeRedacted>("factual_accuracy_challenge_redacted"),
        StoredEvent.Of<ForceConfirmedNoFurtherComments>("force_confirmed_no_further_comments"),
    ];

    public static StoreOptions AddFactualAccuracy(this StoreOptions opts) => opts.MapEvents(Events);

    public static IServiceCollection AddFactualAccuracy(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(configuration.GetSection("FactualAccuracy").Get<FactualAccuracyOptions>() ?? new FactualAccuracyOptions());
}
