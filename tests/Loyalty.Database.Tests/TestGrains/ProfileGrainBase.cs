namespace Loyalty.Database.Tests.TestGrains;

public abstract class ProfileGrainBase(IPersistentState<ProfileState> profile) : Grain, IProfileOperations
{
    public const string StateName = "profile";

    public Task<ProfileSnapshot> ReadAsync() => Task.FromResult(Snapshot());

    public async Task<ProfileSnapshot> WriteAsync(string name)
    {
        profile.State.Name = name;
        profile.State.Writes++;
        await profile.WriteStateAsync();
        return Snapshot();
    }

    public async Task<ProfileSnapshot> ClearAsync()
    {
        await profile.ClearStateAsync();
        return Snapshot();
    }

    private ProfileSnapshot Snapshot() => new(profile.State.Name, profile.State.Writes, profile.Etag, profile.RecordExists);
}
