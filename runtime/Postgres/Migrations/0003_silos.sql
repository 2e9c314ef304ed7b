-- Silo membership (see runtime/Membership). One row per silo incarnation: a restarted process is a
-- new silo_id with a higher generation, never a revived row. A silo moves joining -> active ->
-- shutting-down -> dead (any live status may go straight to dead when it is declared dead).
-- Dead is final: every update the runtime issues carries "status <> 'dead'", and the trigger below
-- rejects any update of a dead row, whoever issues it.
--
-- heartbeat_at and activations change every few seconds and do not bump version; version counts the
-- changes that matter to others (status, address), so a declaration of death can be conditional on
-- both the version and the heartbeat its declarer saw.
CREATE TABLE silos (
    service_id       text        NOT NULL,
    silo_id          uuid        NOT NULL,
    name             text        NOT NULL,
    address          text        NULL, -- host:port for cluster traffic; null until the transport exists
    generation       bigint      NOT NULL,
    status           text        NOT NULL,
    started_at       timestamptz NOT NULL,
    heartbeat_at     timestamptz NOT NULL,
    declared_dead_at timestamptz NULL,
    declared_dead_by uuid        NULL, -- silo_id of the declarer; the silo itself after a graceful stop
    activations      jsonb       NOT NULL DEFAULT '{}', -- activations per grain type, written with each heartbeat
    version          bigint      NOT NULL,
    CONSTRAINT silos_pkey PRIMARY KEY (service_id, silo_id),
    CONSTRAINT silos_status_known CHECK (status IN ('joining', 'active', 'shutting-down', 'dead')),
    CONSTRAINT silos_dead_is_declared CHECK ((status = 'dead') = (declared_dead_at IS NOT NULL AND declared_dead_by IS NOT NULL)),
    CONSTRAINT silos_version_positive CHECK (version > 0),
    CONSTRAINT silos_name_length CHECK (char_length(name) BETWEEN 1 AND 200)
) WITH (fillfactor = 80); -- heartbeats rewrite unindexed columns only: leave room for HOT updates

-- The failure detector's query: live silos of a service whose heartbeat is older than a cutoff.
CREATE INDEX silos_live_heartbeat_idx ON silos (service_id, heartbeat_at) WHERE status <> 'dead';

-- The clean-up's query: dead rows of a service older than the retention.
CREATE INDEX silos_dead_idx ON silos (service_id, declared_dead_at) WHERE status = 'dead';

CREATE FUNCTION silos_dead_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'dead' THEN
        RAISE EXCEPTION 'silo % of service % is dead, and dead is final', OLD.silo_id, OLD.service_id
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.service_id <> OLD.service_id OR NEW.silo_id <> OLD.silo_id OR NEW.generation <> OLD.generation THEN
        RAISE EXCEPTION 'the identity of silo % cannot change', OLD.silo_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER silos_dead_is_final BEFORE UPDATE ON silos
    FOR EACH ROW EXECUTE FUNCTION silos_dead_is_final();

-- Every membership change notifies the service's listeners in the changing transaction (delivered on
-- commit; PostgreSQL folds identical notifications of one transaction into one). Heartbeats set
-- neither status, address nor version, so they notify no one: the failure detector reads them itself.
CREATE FUNCTION silos_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('loyalty_membership', OLD.service_id);
    ELSE
        PERFORM pg_notify('loyalty_membership', NEW.service_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER silos_notify AFTER INSERT OR DELETE OR UPDATE OF status, address, version ON silos
    FOR EACH ROW EXECUTE FUNCTION silos_notify();
