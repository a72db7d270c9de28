using Npgsql;
using PeelCases.Host;
using Xunit;

namespace PeelCases.UnitTests;

public class StoreConnectionTests
{
    [Fact]
    public void The_store_prepares_repeated_statements_unless_the_connection_string_says_otherwise()
    {
        var chosen = new NpgsqlConnectionStringBuilder(ServiceSetup.WithStoreDefaults("Host=db;Database=peelcases;Username=app"));
        Assert.Equal(64, chosen.MaxAutoPrepare);
        Assert.Equal("db", chosen.Host);
        Assert.Equal("peelcases", chosen.Database);

        Assert.Equal(0, new NpgsqlConnectionStringBuilder(ServiceSetup.WithStoreDefaults("Host=db;Max Auto Prepare=0")).MaxAutoPrepare);
        Assert.Equal(20, new NpgsqlConnectionStringBuilder(ServiceSetup.WithStoreDefaults("Host=db;MaxAutoPrepare=20")).MaxAutoPrepare);
    }

    [Fact]
    public void A_node_opens_at_most_40_connections_unless_the_connection_string_says_otherwise()
    {
        Assert.Equal(40, new NpgsqlConnectionStringBuilder(ServiceSetup.WithStoreDefaults("Host=db;Database=peelcases")).MaxPoolSize);
        Assert.Equal(100, new NpgsqlConnectionStringBuilder(ServiceSetup.WithStoreDefaults("Host=db;Maximum Pool Size=100")).MaxPoolSize);
        Assert.Equal(12, new NpgsqlConnectionStringBuilder(ServiceSetup.WithStoreDefaults("Host=db;MaxPoolSize=12")).MaxPoolSize);
        // A minimum above the cap is kept: Npgsql refuses a pool whose minimum exceeds its maximum.
        Assert.Equal(50, new NpgsqlConnectionStringBuilder(ServiceSetup.WithStoreDefaults("Host=db;Minimum Pool Size=50")).MaxPoolSize);
    }
}
