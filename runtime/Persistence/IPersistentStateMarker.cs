namespace Loyalty.Runtime.Persistence;

/// <summary>Tells persistent states apart from other activation participants.</summary>
internal interface IPersistentStateMarker;
