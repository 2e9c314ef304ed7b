namespace Loyalty.Database.Tests.TestGrains;

public sealed class ProfileGrain([PersistentState(ProfileGrainBase.StateName)] IPersistentState<ProfileState> profile)
    : ProfileGrainBase(profile), IProfileGrain;
