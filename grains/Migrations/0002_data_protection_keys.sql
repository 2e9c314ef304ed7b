-- ASP.NET Core Data Protection's key ring, shared by every silo and frontend of the deployment: what one process
-- protects (a customer's card link, a sign-in cookie, an encrypted SMTP password) every other can unprotect. Rows are
-- only ever added; Data Protection marks old keys revoked or expired inside their XML, and keeps them for reading.
CREATE TABLE data_protection_keys (
    friendly_name text        PRIMARY KEY,
    xml           text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
