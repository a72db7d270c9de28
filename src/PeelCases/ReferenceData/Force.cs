using PeelCases.Kernel;
namespace PeelCases.ReferenceData;

[System.Text.Json.Serialization.JsonConverter(typeof(PeelCases.Kernel.StrictEnumConverter<Nation>))]
public enum Nation { England, Wales }

/// <summary>A territorial police force. The code is stable; the display name may change.</summary>
public sealed record Force(string Id, string Name, Nation Nation);

public static class Forces
{
    /// <summary>The 43 territorial forces of England (39) and Wales (4).</summary>
    public static readonly IReadOnlyList<Force> All =
    [
        new("avon-and-somerset", "Avon and Somerset Constabulary", Nation.England),
        new("bedfordshire", "Bedfordshire Police", Nation.England),
        new("cambridgeshire", "Cambridgeshire Constabulary", Nation.England),
        new("cheshire", "Cheshire Constabulary", Nation.England),
        new("city-of-london", "City of London Police", Nation.England),
        new("cleveland", "Cleveland Police", Nation.England),
        new("cumbria", "Cumbria Constabulary", Nation.England),
        new("derbyshire", "Derbyshire Constabulary", Nation.England),
        new("devon-and-cornwall", "Devon and Cornwall Police", Nation.England),
        new("dorset", "Dorset Police", Nation.England),
        new("durham", "Durham Constabulary", Nation.England),
        new("essex", "Essex Police", Nation.England),
        new("gloucestershire", "Gloucestershire Constabulary", Nation.England),
        new("greater-manchester", "Greater Manchester Police", Nation.England),
        new("hampshire", "Hampshire and Isle of Wight Constabulary", Nation.England),
        new("hertfordshire", "Hertfordshire Constabulary", Nation.England),
        new("humberside", "Humberside Police", Nation.England),
        new("kent", "Kent Police", Nation.England),
        new("lancashire", "Lancashire Constabulary", Nation.England),
        new("leicestershire", "Leicestershire Police", Nation.England),
        new("lincolnshire", "Lincolnshire Police", Nation.England),
        new("merseyside", "Merseyside Police", Nation.England),
        new("metropolitan", "Metropolitan Police Service", Nation.England),
        new("norfolk", "Norfolk Constabulary", Nation.England),
        new("northamptonshire", "Northamptonshire Police", Nation.England),
        new("northumbria", "Northumbria Police", Nation.England),
        new("north-yorkshire", "North Yorkshire Police", Nation.England),
        new("nottinghamshire", "Nottinghamshire Police", Nation.England),
        new("south-yorkshire", "South Yorkshire Police", Nation.England),
        new("staffordshire", "Staffordshire Police", Nation.England),
        new("suffolk", "Suffolk Constabulary", Nation.England),
        new("surrey", "Surrey Police", Nation.England),
        new("sussex", "Sussex Police", Nation.England),
        new("thames-valley", "Thames Valley Police", Nation.England),
        new("warwickshire", "Warwickshire Police", Nation.England),
        new("west-mercia", "West Mercia Police", Nation.England),
        new("west-midlands", "West Midlands Police", Nation.England),
        new("west-yorkshire", "West Yorkshire Police", Nation.England),
        new("wiltshire", "Wiltshire Police", Nation.England),
        new("dyfed-powys", "Dyfed-Powys Police", Nation.Wales),
        new("gwent", "Gwent Police", Nation.Wales),
        new("north-wales", "North Wales Police", Nation.Wales),
        new("south-wales", "South Wales Police", Nation.Wales),
    ];
}
