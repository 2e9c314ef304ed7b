-- Reminders for Microsoft.Orleans.Reminders.AdoNet 10.4.2 (UseAdoNetReminderService).
--
-- GrainId is the grain id's string form and GrainHash its uniform hash (a uint sent as a signed integer); each silo
-- reads the reminders whose hash falls in its part of the ring. Period is in milliseconds. Version is the ETag a
-- grain's reminder handle carries; it comes from a sequence, so a reminder that is removed and registered again
-- never gets a version an old handle still holds, and that handle cannot remove the new reminder.
CREATE SEQUENCE OrleansRemindersTable_version AS integer CYCLE;

CREATE TABLE OrleansRemindersTable (
    ServiceId    text        NOT NULL,
    GrainId      text        NOT NULL,
    ReminderName text        NOT NULL,
    StartTime    timestamptz NOT NULL,
    Period       bigint      NOT NULL,
    GrainHash    integer     NOT NULL,
    Version      integer     NOT NULL,
    CONSTRAINT OrleansRemindersTable_pkey PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

CREATE INDEX OrleansRemindersTable_ServiceId_GrainHash ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadReminderRowsKey', $sql$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
        AND GrainId = @GrainId
$sql$),

('ReadReminderRowKey', $sql$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
        AND GrainId = @GrainId
        AND ReminderName = @ReminderName
$sql$),

-- A ring range (BeginHash, EndHash] that does not wrap in signed order: Orleans picks this key when
-- (int)BeginHash < (int)EndHash.
('ReadRangeRows1Key', $sql$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
        AND GrainHash > @BeginHash
        AND GrainHash <= @EndHash
$sql$),

-- A range that wraps past the largest signed value (or the whole ring, when BeginHash = EndHash).
('ReadRangeRows2Key', $sql$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
        AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)
$sql$),

-- Registers or replaces a reminder; returns its new Version.
('UpsertReminderRowKey', $sql$
    INSERT INTO OrleansRemindersTable AS r
        (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, nextval('OrleansRemindersTable_version'))
    ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
    SET StartTime = excluded.StartTime,
        Period = excluded.Period,
        GrainHash = excluded.GrainHash,
        Version = excluded.Version
    RETURNING r.Version
$sql$),

-- Removes a reminder only if it still has the caller's version. Returns one boolean.
('DeleteReminderRowKey', $sql$
    WITH deleted AS (
        DELETE FROM OrleansRemindersTable
        WHERE ServiceId = @ServiceId
            AND GrainId = @GrainId
            AND ReminderName = @ReminderName
            AND Version = @Version
        RETURNING 1
    )
    SELECT count(*) > 0 FROM deleted
$sql$),

('DeleteReminderRowsKey', $sql$
    DELETE FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
$sql$);
