namespace AvaOlo.Data.Entities;

public sealed class Field : IAuditable, IFarmerOwned
{
    public int Id { get; set; }
    public int FarmerId { get; set; }
    public required string Name { get; set; }
    /// <summary>Hectares, numeric(12,4): Slovenian plots run from 0.02 ha, so floats would lie.</summary>
    public decimal AreaHa { get; set; }
    public decimal? CentroidLat { get; set; }
    public decimal? CentroidLon { get; set; }
    /// <summary>GeoJSON geometry (Polygon/MultiPolygon) stored as jsonb.</summary>
    public string? BoundaryGeoJson { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public Farmer? Farmer { get; set; }
    public List<Planting> Plantings { get; set; } = [];

    int? IAuditable.OwnerFarmerId => FarmerId;
}
