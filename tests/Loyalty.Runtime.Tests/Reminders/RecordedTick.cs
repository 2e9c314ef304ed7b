using Loyalty.Runtime.Core;
using Loyalty.Runtime.Reminders;

namespace Loyalty.Runtime.Tests.Reminders;

internal sealed record RecordedTick(GrainId GrainId, string Name, TickStatus Status);
