namespace Loyalty.Wallet.Resync;

/// <summary>The only changes a pass update may notify about; anything else is a silent update.</summary>
public enum NotifyReason
{
    None,
    RewardReady,
    TierChanged,
    PointsExpiring,
}
