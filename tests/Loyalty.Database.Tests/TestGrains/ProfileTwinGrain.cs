namespace Loyalty.Database.Tests.TestGrains;

public sealed class ProfileTwinGrain([PersistentState(ProfileGrainBase.StateName)] IPersistentState<ProfileState> profile)
    : ProfileGrainBase(profile), IProfileTwinGrain;
