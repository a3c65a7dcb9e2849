using AvaOlo.Data.Entities;

namespace AvaOlo.Data;

public static class PlantingQueries
{
    /// <summary>
    /// The one definition of "this season's crops": plantings of the year, plus — with carry-over — earlier ones
    /// still in the ground (perennials such as mango or vines, winter crops sown last autumn).
    /// </summary>
    public static IQueryable<Planting> InSeason(this IQueryable<Planting> plantings, int year, bool carryOver = true) =>
        plantings.Where(p => p.SeasonYear == year
            || (carryOver && p.SeasonYear < year && p.HarvestedOn == null && (p.Status == PlantingStatus.Planned || p.Status == PlantingStatus.Growing)));
}
