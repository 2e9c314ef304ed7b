-- Grain state for Microsoft.Orleans.Persistence.AdoNet 10.4.2 (AddAdoNetGrainStorage).
--
-- Orleans identifies a state by ServiceId, GrainTypeString, GrainIdN0, GrainIdN1 and GrainIdExtensionString, and
-- sends two hashes to make the lookup cheap. GrainTypeString is the state name given to [PersistentState] (not the
-- grain class), so two grain classes that use one state name and one key share a row: give every grain class its
-- own state name. String keys travel in GrainIdExtensionString with both N columns 0; integer and Guid keys in the
-- N columns, with the key extension, if any, in GrainIdExtensionString (null otherwise).
--
-- Unlike Orleans' own script this table has a unique constraint over the whole identity (null extensions counted
-- as equal), so two activations writing a new state at once cannot both insert: the second finds the first's row
-- and reports a conflict.
--
-- Version is the ETag. Every write is conditional on the version the activation loaded and moves it up by one;
-- a write that matches nothing returns no row, which Orleans turns into InconsistentStateException. A cleared
-- state keeps its row (payload null) and its version goes on counting, so an activation holding a version from
-- before the clear can never match again. For the same reason there is no DeleteStorageKey: deleting the row would
-- restart the version at 1 and let a stale activation's version match a new row, so DeleteStateOnClear = true is
-- refused by Orleans at start-up.
--
-- fillfactor 80: a write rewrites only unindexed columns, so PostgreSQL can update the row in place (a HOT update,
-- no new index entry) as long as the new version fits in the same page; free space per page keeps that true.
CREATE TABLE OrleansStorage (
    GrainIdHash            integer     NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdExtensionString text        NULL,
    ServiceId              text        NOT NULL,
    PayloadBinary          bytea       NULL,
    ModifiedOn             timestamptz NOT NULL,
    Version                integer     NOT NULL,
    CONSTRAINT OrleansStorage_identity UNIQUE NULLS NOT DISTINCT
        (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString),
    CONSTRAINT OrleansStorage_version_positive CHECK (Version > 0)
) WITH (fillfactor = 80);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
-- Returns the payload (null when cleared) and the version, or no row when the state was never written.
('ReadFromStorageKey', $sql$
    SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash
        AND GrainTypeHash = @GrainTypeHash
        AND ServiceId = @ServiceId
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND GrainTypeString = @GrainTypeString
        AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
$sql$),

-- @GrainStateVersion null: the activation saw no row, so insert version 1 unless a row exists by now.
-- Otherwise: update the row only if it still has that version. Returns NewGrainStateVersion, or no row on conflict.
('WriteToStorageKey', $sql$
    WITH updated AS (
        UPDATE OrleansStorage
        SET PayloadBinary = @PayloadBinary,
            ModifiedOn = now(),
            Version = Version + 1
        WHERE GrainIdHash = @GrainIdHash
            AND GrainTypeHash = @GrainTypeHash
            AND ServiceId = @ServiceId
            AND GrainIdN0 = @GrainIdN0
            AND GrainIdN1 = @GrainIdN1
            AND GrainTypeString = @GrainTypeString
            AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
            AND Version = @GrainStateVersion
        RETURNING Version
    ), inserted AS (
        INSERT INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId,
             PayloadBinary, ModifiedOn, Version)
        SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId,
            @PayloadBinary, now(), 1
        WHERE @GrainStateVersion IS NULL
        ON CONFLICT DO NOTHING
        RETURNING Version
    )
    SELECT Version AS NewGrainStateVersion FROM updated
    UNION ALL
    SELECT Version FROM inserted
$sql$),

-- Empties the payload and moves the version on, only if the row still has the activation's version. Orleans reads
-- the first column as the new version; no row means a conflict.
('ClearStorageKey', $sql$
    UPDATE OrleansStorage
    SET PayloadBinary = NULL,
        ModifiedOn = now(),
        Version = Version + 1
    WHERE GrainIdHash = @GrainIdHash
        AND GrainTypeHash = @GrainTypeHash
        AND ServiceId = @ServiceId
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND GrainTypeString = @GrainTypeString
        AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
        AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion
$sql$);
