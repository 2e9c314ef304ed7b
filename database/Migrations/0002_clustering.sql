-- Membership for Microsoft.Orleans.Clustering.AdoNet 10.4.2 (silos: UseAdoNetClustering on ISiloBuilder; clients:
-- UseAdoNetClustering on IClientBuilder, which reads only GatewaysQueryKey).
--
-- Orleans keeps one version row per cluster (DeploymentId = ClusterOptions.ClusterId) and expects every membership
-- change to move that version from the value it read to the next, atomically with the change: the version is the
-- table's ETag. Each write below is a single statement, so PostgreSQL applies its parts together or not at all, and
-- the version row's lock orders concurrent writers: the loser re-reads the bumped version, matches nothing and
-- reports false, which makes Orleans re-read the table and retry.
--
-- Status values are Orleans' SiloStatus: 3 = Active, 6 = Dead.
CREATE TABLE OrleansMembershipVersionTable (
    DeploymentId text        NOT NULL,
    Timestamp    timestamptz NOT NULL DEFAULT now(),
    Version      integer     NOT NULL DEFAULT 0,
    CONSTRAINT OrleansMembershipVersionTable_pkey PRIMARY KEY (DeploymentId)
);

CREATE TABLE OrleansMembershipTable (
    DeploymentId text        NOT NULL,
    Address      text        NOT NULL,
    Port         integer     NOT NULL,
    Generation   integer     NOT NULL,
    SiloName     text        NOT NULL,
    HostName     text        NOT NULL,
    Status       integer     NOT NULL,
    ProxyPort    integer     NOT NULL,
    SuspectTimes text        NULL,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    CONSTRAINT OrleansMembershipTable_pkey PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT OrleansMembershipTable_version_fkey FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
-- Returns one boolean: whether this call created the cluster's version row.
('InsertMembershipVersionKey', $sql$
    WITH inserted AS (
        INSERT INTO OrleansMembershipVersionTable (DeploymentId)
        VALUES (@DeploymentId)
        ON CONFLICT (DeploymentId) DO NOTHING
        RETURNING 1
    )
    SELECT count(*) > 0 FROM inserted
$sql$),

-- Adds a silo's row and bumps the version, both or neither; the row must not exist yet. Returns one boolean.
('InsertMembershipKey', $sql$
    WITH bumped AS (
        UPDATE OrleansMembershipVersionTable
        SET Version = Version + 1,
            Timestamp = now()
        WHERE DeploymentId = @DeploymentId
            AND Version = @Version
            AND Version < 2147483647
            AND NOT EXISTS (
                SELECT 1
                FROM OrleansMembershipTable
                WHERE DeploymentId = @DeploymentId
                    AND Address = @Address
                    AND Port = @Port
                    AND Generation = @Generation)
        RETURNING DeploymentId
    ), inserted AS (
        INSERT INTO OrleansMembershipTable
            (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
        SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
        FROM bumped
        RETURNING 1
    )
    SELECT count(*) > 0 FROM inserted
$sql$),

-- Changes a silo's status and suspicions and bumps the version, both or neither. The heartbeat time only moves
-- forward: a writer carrying the time it read must not undo a heartbeat written since. Returns one boolean.
('UpdateMembershipKey', $sql$
    WITH bumped AS (
        UPDATE OrleansMembershipVersionTable
        SET Version = Version + 1,
            Timestamp = now()
        WHERE DeploymentId = @DeploymentId
            AND Version = @Version
            AND Version < 2147483647
            AND EXISTS (
                SELECT 1
                FROM OrleansMembershipTable
                WHERE DeploymentId = @DeploymentId
                    AND Address = @Address
                    AND Port = @Port
                    AND Generation = @Generation)
        RETURNING DeploymentId
    ), updated AS (
        UPDATE OrleansMembershipTable AS m
        SET Status = @Status,
            SuspectTimes = @SuspectTimes,
            IAmAliveTime = GREATEST(m.IAmAliveTime, @IAmAliveTime)
        FROM bumped
        WHERE m.DeploymentId = bumped.DeploymentId
            AND m.Address = @Address
            AND m.Port = @Port
            AND m.Generation = @Generation
        RETURNING 1
    )
    SELECT count(*) > 0 FROM updated
$sql$),

-- The heartbeat: not versioned (Orleans never checks its result), and never moves the time backwards.
('UpdateIAmAlivetimeKey', $sql$
    UPDATE OrleansMembershipTable
    SET IAmAliveTime = GREATEST(IAmAliveTime, @IAmAliveTime)
    WHERE DeploymentId = @DeploymentId
        AND Address = @Address
        AND Port = @Port
        AND Generation = @Generation
$sql$),

-- Both reads return the version row even when no silo row matches (the silo columns are then null, which Orleans
-- reads as "no entry"), so the caller always learns the current version. One statement: one snapshot.
('MembershipReadRowKey', $sql$
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
        m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable AS v
    LEFT JOIN OrleansMembershipTable AS m
        ON m.DeploymentId = v.DeploymentId
        AND m.Address = @Address
        AND m.Port = @Port
        AND m.Generation = @Generation
    WHERE v.DeploymentId = @DeploymentId
$sql$),

('MembershipReadAllKey', $sql$
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
        m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable AS v
    LEFT JOIN OrleansMembershipTable AS m ON m.DeploymentId = v.DeploymentId
    WHERE v.DeploymentId = @DeploymentId
$sql$),

('DeleteMembershipTableEntriesKey', $sql$
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
    DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
$sql$),

-- What clients (and silos) connect to: active silos with a gateway. @Status is always 3 (Active).
('GatewaysQueryKey', $sql$
    SELECT Address, ProxyPort, Generation
    FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
        AND Status = @Status
        AND ProxyPort > 0
$sql$),

-- Required by Orleans but unused while CleanupDefunctSiloEntryKey exists. Removes only dead silos that have shown
-- no sign of life (start, heartbeat or suspicion) since the cut-off; changing rows is not a version change.
('CleanupDefunctSiloEntriesKey', $sql$
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
        AND Status = 6
        AND StartTime < @IAmAliveTime
        AND IAmAliveTime < @IAmAliveTime
        AND COALESCE(SuspectTimes, '') = ''
$sql$),

-- Optional in 10.4.2 and preferred when present: Orleans picks the dead rows old enough to go from a read, then
-- deletes each only if it still holds the values read, so a row that changed in between stays.
('CleanupDefunctSiloEntryKey', $sql$
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
        AND Address = @Address
        AND Port = @Port
        AND Generation = @Generation
        AND Status = 6
        AND StartTime = @StartTime
        AND IAmAliveTime = @IAmAliveTime
        AND COALESCE(SuspectTimes, '') = COALESCE(@SuspectTimes, '')
$sql$);
