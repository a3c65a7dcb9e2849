namespace AvaOlo.Data.Entities;

/// <summary>A farm record that belongs to one farmer (a field, a planting, a task): what the API's ownership check reads.</summary>
public interface IFarmerOwned
{
    int Id { get; }
    int FarmerId { get; }
}
